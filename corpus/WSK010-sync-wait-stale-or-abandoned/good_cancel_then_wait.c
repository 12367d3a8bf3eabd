/* A bounded wait: on timeout the IRP is cancelled and the completion is waited for. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE BoundedDone;

NTSTATUS BoundedDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS BoundedReceive(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSIZE_T Received)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    LARGE_INTEGER timeout;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    timeout.QuadPart = -20000000LL;
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, BoundedDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(Socket, Buffer, 0, irp);
    if (status == STATUS_PENDING) {
        if (KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, &timeout) == STATUS_TIMEOUT) {
            IoCancelIrp(irp);
            KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        }
        status = irp->IoStatus.Status;
    }
    *Received = NT_SUCCESS(status) ? irp->IoStatus.Information : 0;
    IoFreeIrp(irp);
    return status;
}
