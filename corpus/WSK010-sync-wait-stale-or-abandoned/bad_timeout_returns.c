/* A bounded wait that gives up: the IRP, the event and the buffer still belong to WSK. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE TimedDone;

NTSTATUS TimedDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ReceiveWithTimeout(PWSK_SOCKET Socket, PWSK_BUF Buffer, PIRP Irp, PKEVENT Done, LONGLONG Timeout100ns)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    LARGE_INTEGER timeout;
    NTSTATUS status;

    timeout.QuadPart = -Timeout100ns;
    KeClearEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, TimedDone, Done, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(Socket, Buffer, 0, Irp);
    if (status == STATUS_PENDING) {
        status = KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, &timeout);  // expect: WSK010 "without IoCancelIrp"
        if (status == STATUS_TIMEOUT) {
            return STATUS_IO_TIMEOUT;
        }
        status = Irp->IoStatus.Status;
    }
    return status;
}
