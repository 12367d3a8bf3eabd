/* A helper recycles the IRP kept in the connection context but never sets the routine again:
   IoReuseIrp cleared it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
    WSK_BUF Buffer;
} PEER, *PPEER;

static VOID PeerRecycle(PPEER Peer)
{
    KeClearEvent(&Peer->Done);
    IoReuseIrp(Peer->Irp, STATUS_UNSUCCESSFUL);
}

NTSTATUS PeerReceive(PPEER Peer)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Peer->Socket->Dispatch;
    NTSTATUS status;

    PeerRecycle(Peer);
    status = dispatch->WskReceive(Peer->Socket, &Peer->Buffer, 0, Peer->Irp);  // expect: WSK001
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Peer->Done, Executive, KernelMode, FALSE, NULL);
        status = Peer->Irp->IoStatus.Status;
    }
    return status;
}
