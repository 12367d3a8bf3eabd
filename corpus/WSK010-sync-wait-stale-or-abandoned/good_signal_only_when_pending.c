/* The routine signals only when the request pended, so an inline completion leaves no signal
   behind (the cheat-sheet optimisation). */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE SignalIfPended;

NTSTATUS SignalIfPended(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    }
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS BindAndConnect(PWSK_SOCKET Socket, PSOCKADDR Local, PSOCKADDR Remote, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, SignalIfPended, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskBind(Socket, Local, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, SignalIfPended, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskConnect(Socket, Remote, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}
