/* One IRP for a sequence of requests: IoReuseIrp and a new completion routine before each. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE StepDone;

NTSTATUS StepDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ListenOn(PWSK_SOCKET Socket, PSOCKADDR Address)
{
    const WSK_PROVIDER_STREAM_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, StepDone, &done, TRUE, TRUE, TRUE);
    dispatch->WskBind(Socket, Address, 0, irp);
    KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    status = irp->IoStatus.Status;
    if (NT_SUCCESS(status)) {
        IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(irp, StepDone, &done, TRUE, TRUE, TRUE);
        dispatch->WskListen(Socket, irp);
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}
