/* The accept callback closes the accepted socket itself and then rejects it: WSK closes it again. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SERVER {
    ULONG Connections;
    ULONG MaxConnections;
    PIRP CloseIrp;
} SERVER, *PSERVER;

static NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PSERVER server = (PSERVER)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    if (server->Connections >= server->MaxConnections) {
        ((PWSK_PROVIDER_BASIC_DISPATCH)AcceptSocket->Dispatch)->WskCloseSocket(AcceptSocket, server->CloseIrp); // expect: WSK020 "uses the accepted socket with WskCloseSocket and then returns STATUS_REQUEST_NOT_ACCEPTED"
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    server->Connections++;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH g_ServerDispatch = { OnAccept, NULL, NULL };
