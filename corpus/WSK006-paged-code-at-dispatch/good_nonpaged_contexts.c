/* Traps: socket and completion contexts from non-paged pool, a global context, and an accept callback
   handing out a non-paged context. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    PWSK_SOCKET Socket;
    ULONG Id;
} PEER, *PPEER;

static PEER g_ListenerContext;

const WSK_CLIENT_CONNECTION_DISPATCH g_PeerDispatch = { NULL, NULL, NULL };

static NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PPEER peer;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    peer = (PPEER)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(PEER), 'reeP');
    if (peer == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    peer->Socket = AcceptSocket;
    *AcceptSocketContext = peer;
    *AcceptSocketDispatch = &g_PeerDispatch;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { OnAccept, NULL, NULL };

NTSTATUS CreateListener(PWSK_PROVIDER_NPI Provider, PIRP Irp)
{
    return Provider->Dispatch->WskSocket(Provider->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                         &g_ListenerContext, &g_ListenDispatch, NULL, NULL, NULL, Irp);
}

NTSTATUS CreatePeerSocket(PWSK_PROVIDER_NPI Provider, PIRP Irp)
{
    PPEER peer = (PPEER)ExAllocatePoolZero(NonPagedPoolNx, sizeof(PEER), 'reeP');
    if (peer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return Provider->Dispatch->WskSocket(Provider->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                         WSK_FLAG_CONNECTION_SOCKET, peer, &g_PeerDispatch, NULL, NULL, NULL, Irp);
}
