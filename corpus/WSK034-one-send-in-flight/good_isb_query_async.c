/* Queries the ideal send backlog once connected and keeps that much data pending; sends are
 * submitted without waiting. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SENDER {
    PWSK_SOCKET Socket;
    PIRP ControlIrp;
    KEVENT ControlDone;
    SIZE_T Isb;
} SENDER, *PSENDER;

IO_COMPLETION_ROUTINE ControlComplete;

NTSTATUS ControlComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS QueryIdealBacklog(PSENDER S)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = S->Socket->Dispatch;
    NTSTATUS st;

    IoReuseIrp(S->ControlIrp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(S->ControlIrp, ControlComplete, &S->ControlDone, TRUE, TRUE, TRUE);
    st = conn->Basic.WskControlSocket(S->Socket, WskIoctl, SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, 0, 0, NULL,
                                      sizeof(S->Isb), &S->Isb, NULL, S->ControlIrp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&S->ControlDone, Executive, KernelMode, FALSE, NULL);
        st = S->ControlIrp->IoStatus.Status;
    }
    return st;
}

VOID SubmitWindow(PSENDER S, PIRP *Irps, PWSK_BUF Bufs, ULONG Count)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = S->Socket->Dispatch;
    SIZE_T queued = 0;
    ULONG i;

    for (i = 0; i < Count && queued < S->Isb; i++) {
        conn->WskSend(S->Socket, &Bufs[i], 0, Irps[i]);
        queued += Bufs[i].Length;
    }
}
