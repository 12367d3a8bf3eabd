/* The synchronous wrapper returns the final status by value, but the caller takes the socket from the
   IRP without looking at it: after a failed WskSocket, Information is no socket. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _OPEN_CTX {
    KEVENT Event;
    PIRP Irp;
} OPEN_CTX, *POPEN_CTX;

IO_COMPLETION_ROUTINE OpenSignal;

NTSTATUS OpenSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((POPEN_CTX)Context)->Event, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS OpenWait(POPEN_CTX Ctx, NTSTATUS Status)
{
    if (Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Ctx->Event, Executive, KernelMode, FALSE, NULL);
        Status = Ctx->Irp->IoStatus.Status;
    }
    return Status;
}

NTSTATUS OpenSocket(PWSK_PROVIDER_NPI Npi, PWSK_SOCKET *Result)
{
    OPEN_CTX ctx;
    NTSTATUS status;

    KeInitializeEvent(&ctx.Event, SynchronizationEvent, FALSE);
    ctx.Irp = IoAllocateIrp(1, FALSE);
    if (ctx.Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(ctx.Irp, OpenSignal, &ctx, TRUE, TRUE, TRUE);
    status = OpenWait(&ctx, Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
                                                     WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                     ctx.Irp));
    *Result = (PWSK_SOCKET)ctx.Irp->IoStatus.Information;  // expect: WSK009 "without checking that WskSocket succeeded"
    IoFreeIrp(ctx.Irp);
    return status;
}
