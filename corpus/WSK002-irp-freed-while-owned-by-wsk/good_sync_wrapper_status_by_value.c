/* A synchronous wrapper that takes the WSK call's status by value: it waits only when the call
   returned STATUS_PENDING and returns the final status. After it returns, the IRP has completed,
   so the caller may read IoStatus, take the new socket after a success check, reuse and free it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SYNC_CTX {
    KEVENT Event;
    PIRP Irp;
} SYNC_CTX, *PSYNC_CTX;

IO_COMPLETION_ROUTINE SyncCtxSignal;

NTSTATUS SyncCtxSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PSYNC_CTX)Context)->Event, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS SyncCtxInit(PSYNC_CTX Ctx)
{
    KeInitializeEvent(&Ctx->Event, SynchronizationEvent, FALSE);
    Ctx->Irp = IoAllocateIrp(1, FALSE);
    if (Ctx->Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(Ctx->Irp, SyncCtxSignal, Ctx, TRUE, TRUE, TRUE);
    return STATUS_SUCCESS;
}

static VOID SyncCtxRearm(PSYNC_CTX Ctx)
{
    KeClearEvent(&Ctx->Event);
    IoReuseIrp(Ctx->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Ctx->Irp, SyncCtxSignal, Ctx, TRUE, TRUE, TRUE);
}

/* The status of the request comes in by value; what comes back is the completed status. */
static NTSTATUS WaitForIrp(PSYNC_CTX Ctx, NTSTATUS Status)
{
    if (Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Ctx->Event, Executive, KernelMode, FALSE, NULL);
        Status = Ctx->Irp->IoStatus.Status;
    }
    return Status;
}

NTSTATUS OpenBoundSocket(PWSK_PROVIDER_NPI Npi, PSOCKADDR Local, PWSK_SOCKET *Result)
{
    SYNC_CTX ctx;
    PWSK_SOCKET sock = NULL;
    NTSTATUS status = SyncCtxInit(&ctx);

    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WaitForIrp(&ctx, Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
                                                       WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL,
                                                       NULL, ctx.Irp));
    if (NT_SUCCESS(status)) {
        sock = (PWSK_SOCKET)ctx.Irp->IoStatus.Information;
        SyncCtxRearm(&ctx);
        status = WaitForIrp(&ctx, ((const WSK_PROVIDER_DATAGRAM_DISPATCH *)sock->Dispatch)->WskBind(
                                      sock, Local, 0, ctx.Irp));
        if (!NT_SUCCESS(status)) {
            SyncCtxRearm(&ctx);
            WaitForIrp(&ctx, ((const WSK_PROVIDER_BASIC_DISPATCH *)sock->Dispatch)->WskCloseSocket(sock, ctx.Irp));
            sock = NULL;
        }
    }
    *Result = sock;
    IoFreeIrp(ctx.Irp);
    return status;
}

NTSTATUS ReceiveInto(PWSK_SOCKET Socket, PSYNC_CTX Ctx, PWSK_BUF Buffer, PSIZE_T Received)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    NTSTATUS status;

    SyncCtxRearm(Ctx);
    status = dispatch->WskReceive(Socket, Buffer, 0, Ctx->Irp);
    status = WaitForIrp(Ctx, status);
    if (NT_SUCCESS(status)) {
        *Received = Ctx->Irp->IoStatus.Information;
    }
    return status;
}
