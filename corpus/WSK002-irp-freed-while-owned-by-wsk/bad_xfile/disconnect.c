/* Starts a disconnect and logs the outcome from the IRP after the call returned. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE DisconnectDone;

NTSTATUS StartDisconnect(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, DisconnectDone, NULL, TRUE, TRUE, TRUE);
    status = dispatch->WskDisconnect(Socket, NULL, 0, irp);
    if (status == STATUS_SUCCESS) {
        DbgPrint("disconnected: %x\n", irp->IoStatus.Status);  // expect: WSK002 "DisconnectDone frees it"
    }
    return status;
}
