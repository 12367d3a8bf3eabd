/* NT_SUCCESS(status) is also true for STATUS_PENDING: the IRP is read before WSK completed it. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE SignalDone;

NTSTATUS SignalDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ReceiveSome(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSIZE_T Received)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, SignalDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(Socket, Buffer, 0, irp);
    if (NT_SUCCESS(status)) {
        *Received = irp->IoStatus.Information;  // expect: WSK002 "read while the WskReceive request may still be pending"
    }
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}
