/* Trap: a completion routine polls an event with a zero timeout, which is allowed at DISPATCH_LEVEL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _OP {
    KEVENT Cancelled;
    NTSTATUS Status;
} OP, *POP;

IO_COMPLETION_ROUTINE OpDone;

NTSTATUS OpDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    POP op = (POP)Context;
    LARGE_INTEGER zero;
    UNREFERENCED_PARAMETER(DeviceObject);
    zero.QuadPart = 0;
    if (KeWaitForSingleObject(&op->Cancelled, Executive, KernelMode, FALSE, &zero) == STATUS_SUCCESS) {
        op->Status = STATUS_CANCELLED;
    } else {
        op->Status = Irp->IoStatus.Status;
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartOp(PWSK_SOCKET Socket, PSOCKADDR Remote, POP Op)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, OpDone, Op, TRUE, TRUE, TRUE);
    return dispatch->WskConnect(Socket, Remote, 0, irp);
}
