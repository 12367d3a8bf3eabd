/* A helper takes the WSK call's status by value but only traces it: it does not wait when the call
   returned STATUS_PENDING, so the status it returns says nothing about completion. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE TraceSignal;

NTSTATUS TraceSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS TraceStatus(NTSTATUS Status)
{
    if (!NT_SUCCESS(Status)) {
        DbgPrint("wsk request failed: %08x\n", Status);
    }
    return Status;
}

NTSTATUS ReceiveTraced(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSIZE_T Received)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, TraceSignal, &done, TRUE, TRUE, TRUE);
    status = TraceStatus(dispatch->WskReceive(Socket, Buffer, 0, irp));
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
