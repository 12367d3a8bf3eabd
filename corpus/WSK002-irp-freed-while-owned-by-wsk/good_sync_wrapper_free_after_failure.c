/* A synchronous wrapper: the completion routine only signals, so after a non-pending failure the IRP
   is already completed and the caller may free it; after STATUS_PENDING it waits first. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE SyncSignal;

NTSTATUS SyncSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    if (Context != NULL) {
        KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    }
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SyncBind(PWSK_SOCKET Socket, PSOCKADDR Address)
{
    const WSK_PROVIDER_LISTEN_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp;

    KeInitializeEvent(&done, NotificationEvent, FALSE);
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SyncSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskBind(Socket, Address, 0, irp);
    if (!NT_SUCCESS(status)) {
        IoFreeIrp(irp);
        return status;
    }
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}
