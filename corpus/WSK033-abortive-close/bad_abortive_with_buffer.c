/* Tries to send a goodbye message with an abortive disconnect. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    PWSK_SOCKET Socket;
    PIRP Irp;
    WSK_BUF Goodbye;
} PEER, *PPEER;

NTSTATUS KickPeer(PPEER Peer)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Peer->Socket->Dispatch;

    return conn->WskDisconnect(Peer->Socket,
                               &Peer->Goodbye,  // expect: WSK033 "Buffer must be NULL"
                               WSK_FLAG_ABORTIVE, Peer->Irp);
}
