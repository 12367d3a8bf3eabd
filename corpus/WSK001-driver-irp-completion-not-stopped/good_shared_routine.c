/* One completion routine for both kinds of request: IRPs the driver allocated (it frees them and
   stops completion) and IRPs from the I/O manager (normal completion continues). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _OP_CTX {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    BOOLEAN OwnIrp;
} OP_CTX, *POP_CTX;

IO_COMPLETION_ROUTINE OpComplete;

NTSTATUS OpComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    POP_CTX ctx = (POP_CTX)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (ctx->OwnIrp) {
        IoFreeIrp(Irp);
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    return STATUS_SUCCESS;
}

NTSTATUS SendOwn(POP_CTX Ctx)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Ctx->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Ctx->OwnIrp = TRUE;
    IoSetCompletionRoutine(irp, OpComplete, Ctx, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Ctx->Socket, &Ctx->Buffer, 0, irp);
}

DRIVER_DISPATCH DispatchSend;

NTSTATUS DispatchSend(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    POP_CTX ctx = (POP_CTX)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = ctx->Socket->Dispatch;

    ctx->OwnIrp = FALSE;
    IoSetCompletionRoutine(Irp, OpComplete, ctx, TRUE, TRUE, TRUE);
    return dispatch->WskSend(ctx->Socket, &ctx->Buffer, 0, Irp);
}
