/* The driver allocates an IRP and hands it to WSK without any completion routine. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS FireAndForgetSend(PWSK_SOCKET Socket, PWSK_BUF Buffer)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return dispatch->WskSend(Socket, Buffer, 0, irp);  // expect: WSK001 "without a completion routine"
}
