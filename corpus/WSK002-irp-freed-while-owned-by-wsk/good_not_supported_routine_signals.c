/* The completion routine only signals. Whether or not WSK completes the IRP after STATUS_NOT_SUPPORTED,
   the request is not pending and the caller is the only one to free the IRP. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE ReceiveSignal;

NTSTATUS ReceiveSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ReceiveFull(PWSK_SOCKET Socket, PWSK_BUF Buffer, ULONG Flags)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, ReceiveSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(Socket, Buffer, Flags, irp);
    if (status == STATUS_NOT_SUPPORTED) {
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
