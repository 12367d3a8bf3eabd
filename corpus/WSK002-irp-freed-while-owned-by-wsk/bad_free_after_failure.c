/* The completion routine frees the IRP, and the caller frees it again when WskSend fails. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SEND_CTX {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
} SEND_CTX, *PSEND_CTX;

IO_COMPLETION_ROUTINE SendComplete;

NTSTATUS SendComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PSEND_CTX ctx = (PSEND_CTX)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    ExFreePoolWithTag(ctx, 'dnsS');
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendAsync(PSEND_CTX Ctx)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Ctx->Socket->Dispatch;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SendComplete, Ctx, TRUE, TRUE, TRUE);
    status = dispatch->WskSend(Ctx->Socket, &Ctx->Buffer, 0, irp);
    if (!NT_SUCCESS(status)) {
        IoFreeIrp(irp);  // expect: WSK002 "freed here and again by SendComplete"
        return status;
    }
    return status;
}
