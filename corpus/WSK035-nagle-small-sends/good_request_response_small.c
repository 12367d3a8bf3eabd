/* Trap: a small request answered by the peer before the next request goes out; the reply
 * carries the acknowledgement, so Nagle never holds the next request. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _POLLER {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
    PMDL QueryMdl;
    PMDL ReplyMdl;
} POLLER, *PPOLLER;

IO_COMPLETION_ROUTINE PollStep;

NTSTATUS PollStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID PollArm(PPOLLER P)
{
    KeResetEvent(&P->Done);
    IoReuseIrp(P->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(P->Irp, PollStep, &P->Done, TRUE, TRUE, TRUE);
}

static NTSTATUS PollWait(PPOLLER P, PNTSTATUS St)
{
    if (*St == STATUS_PENDING) {
        KeWaitForSingleObject(&P->Done, Executive, KernelMode, FALSE, NULL);
        *St = P->Irp->IoStatus.Status;
    }
    return *St;
}

NTSTATUS PollCounters(PPOLLER P, ULONG Rounds)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = P->Socket->Dispatch;
    WSK_BUF query = { P->QueryMdl, 0, 12 };
    WSK_BUF reply = { P->ReplyMdl, 0, 256 };
    NTSTATUS st = STATUS_SUCCESS;
    ULONG i;

    for (i = 0; i < Rounds && NT_SUCCESS(st); i++) {
        PollArm(P);
        st = conn->WskSend(P->Socket, &query, 0, P->Irp);
        PollWait(P, &st);
        if (NT_SUCCESS(st)) {
            PollArm(P);
            st = conn->WskReceive(P->Socket, &reply, 0, P->Irp);
            PollWait(P, &st);
        }
    }
    return st;
}
