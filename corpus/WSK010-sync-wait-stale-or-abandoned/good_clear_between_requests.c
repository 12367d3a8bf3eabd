/* The event is cleared before every request, so an inline completion cannot leave it set. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE StepSignal;

NTSTATUS StepSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS BindThenGetName(PWSK_SOCKET Socket, PSOCKADDR Address, PIRP Irp)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, StepSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskBind(Socket, Address, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    KeClearEvent(&done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, StepSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskGetLocalAddress(Socket, Address, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}
