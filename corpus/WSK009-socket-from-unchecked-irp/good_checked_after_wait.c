/* The socket is taken from the IRP only after the final status was checked. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE AcceptSignal;

NTSTATUS AcceptSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

IO_COMPLETION_ROUTINE AcceptStore;

NTSTATUS AcceptStore(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (NT_SUCCESS(Irp->IoStatus.Status)) {
        *(PWSK_SOCKET *)Context = (PWSK_SOCKET)Irp->IoStatus.Information;
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS AcceptOne(PWSK_SOCKET Listener, PWSK_SOCKET *Accepted)
{
    const WSK_PROVIDER_LISTEN_DISPATCH *dispatch = Listener->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, AcceptSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskAccept(Listener, 0, NULL, NULL, NULL, NULL, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        IoFreeIrp(irp);
        return status;
    }
    *Accepted = (PWSK_SOCKET)irp->IoStatus.Information;
    IoFreeIrp(irp);
    return status;
}

NTSTATUS AcceptLater(PWSK_SOCKET Listener, PWSK_SOCKET *Slot)
{
    const WSK_PROVIDER_LISTEN_DISPATCH *dispatch = Listener->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, AcceptStore, Slot, TRUE, TRUE, TRUE);
    return dispatch->WskAccept(Listener, 0, NULL, NULL, NULL, NULL, irp);
}
