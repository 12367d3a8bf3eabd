/* On the error path the routine returns a status variable that holds STATUS_SUCCESS. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLOSE_OP {
    PWSK_SOCKET Socket;
    LONG Failures;
} CLOSE_OP, *PCLOSE_OP;

IO_COMPLETION_ROUTINE CloseOpDone;

NTSTATUS CloseOpDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PCLOSE_OP op = (PCLOSE_OP)Context;
    NTSTATUS result = STATUS_MORE_PROCESSING_REQUIRED;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        InterlockedIncrement(&op->Failures);
        result = STATUS_SUCCESS;
    }
    IoFreeIrp(Irp);
    return result;  // expect: WSK001 "returns STATUS_SUCCESS"
}

NTSTATUS CloseOpStart(PCLOSE_OP Op)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Op->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, CloseOpDone, Op, TRUE, TRUE, TRUE);
    return dispatch->WskCloseSocket(Op->Socket, irp);
}
