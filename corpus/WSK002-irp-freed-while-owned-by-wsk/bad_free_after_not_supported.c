/* The completion routine frees the IRP. After STATUS_NOT_SUPPORTED (a flag the transport does not
   support) the pages do not say whether WSK completes the IRP: the caller's free may be a second
   one (a note), while after any other failure it certainly is (an error). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SEND_CTX {
    PIRP Irp;
    WSK_BUF Buffer;
} SEND_CTX, *PSEND_CTX;

IO_COMPLETION_ROUTINE SendFreeDone;

NTSTATUS SendFreeDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendWithFlags(PWSK_SOCKET Socket, PSEND_CTX Ctx, ULONG Flags)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SendFreeDone, Ctx, TRUE, TRUE, TRUE);
    status = dispatch->WskSend(Socket, &Ctx->Buffer, Flags, irp);
    if (status == STATUS_NOT_SUPPORTED) {
        IoFreeIrp(irp);  // expect: WSK002 "does not say whether the IRP is completed"
        return status;
    }
    return status;
}

NTSTATUS ReceiveWaitAll(PWSK_SOCKET Socket, PSEND_CTX Ctx)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SendFreeDone, Ctx, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(Socket, &Ctx->Buffer, WSK_FLAG_WAITALL, irp);
    switch (status) {
    case STATUS_NOT_SUPPORTED:
        IoFreeIrp(irp);  // expect: WSK002 "does not say whether the IRP is completed"
        break;
    case STATUS_SUCCESS:
    case STATUS_PENDING:
        break;
    default:
        IoFreeIrp(irp);  // expect: WSK002 "freed here and again by SendFreeDone"
        break;
    }
    return status;
}
