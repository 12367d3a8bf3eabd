/* The accept callback keeps the pointer to the remote address instead of copying it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT {
    PWSK_SOCKET Socket;
    PSOCKADDR Peer;
} CLIENT, *PCLIENT;

extern const WSK_CLIENT_CONNECTION_DISPATCH ClientConnectionDispatch;

NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                         PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                         const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PCLIENT client;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    client = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*client), 'tnlC');
    if (client == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    client->Socket = AcceptSocket;
    client->Peer = RemoteAddress;  // expect: WSK022 "RemoteAddress 'RemoteAddress'"
    *AcceptSocketContext = client;
    *AcceptSocketDispatch = &ClientConnectionDispatch;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH ListenDispatch = { OnAccept, NULL, NULL };
