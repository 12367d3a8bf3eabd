/* Starts a receive-from into buffers the caller provides. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE DatagramDone;

NTSTATUS DatagramDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartReceiveFrom(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSOCKADDR From, PULONG ControlFlags)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, DatagramDone, NULL, TRUE, TRUE, TRUE);
    return dispatch->WskReceiveFrom(Socket, Buffer, 0, From, NULL, NULL, ControlFlags, irp);
}
