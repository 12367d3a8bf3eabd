/* Trap: the peer disconnected gracefully (WskDisconnectEvent without WSK_FLAG_ABORTIVE); the
 * driver disconnects its own half and closes only when that has completed. An abortive
 * indication is closed at once: there is no connection left. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER_CONN {
    PWSK_SOCKET Socket;
    PIRP Irp;
    PIO_WORKITEM CloseWork;
} PEER_CONN, *PPEER_CONN;

IO_COMPLETION_ROUTINE PeerClosed;
IO_COMPLETION_ROUTINE PeerDisconnected;
IO_WORKITEM_ROUTINE PeerCloseWorker;

NTSTATUS PeerClosed(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Context);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID PeerClose(PPEER_CONN P)
{
    PWSK_SOCKET s = (PWSK_SOCKET)InterlockedExchangePointer((PVOID *)&P->Socket, NULL);
    const WSK_PROVIDER_BASIC_DISPATCH *basic;

    if (s == NULL) {
        return;
    }
    basic = s->Dispatch;
    IoReuseIrp(P->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(P->Irp, PeerClosed, P, TRUE, TRUE, TRUE);
    basic->WskCloseSocket(s, P->Irp);
}

VOID PeerCloseWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    PeerClose((PPEER_CONN)Context);
}

NTSTATUS PeerDisconnected(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PPEER_CONN p = (PPEER_CONN)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    IoQueueWorkItem(p->CloseWork, PeerCloseWorker, DelayedWorkQueue, p);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS WSKAPI PeerDisconnectEvent(PVOID SocketContext, ULONG Flags)
{
    PPEER_CONN p = (PPEER_CONN)SocketContext;
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = p->Socket->Dispatch;

    if ((Flags & WSK_FLAG_ABORTIVE) != 0) {
        PeerClose(p);
        return STATUS_SUCCESS;
    }
    IoReuseIrp(p->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(p->Irp, PeerDisconnected, p, TRUE, TRUE, TRUE);
    conn->WskDisconnect(p->Socket, NULL, 0, p->Irp);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH PeerDispatch = { NULL, PeerDisconnectEvent, NULL };
