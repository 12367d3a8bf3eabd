/* The accepted socket's context points into the callback's stack frame. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SESSION {
    PWSK_SOCKET Socket;
} SESSION;

extern const WSK_CLIENT_CONNECTION_DISPATCH SessionDispatch;

NTSTATUS WSKAPI OnSessionAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    SESSION session;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    session.Socket = AcceptSocket;
    *AcceptSocketContext = &session;  // expect: WSK022 "on the stack"
    *AcceptSocketDispatch = &SessionDispatch;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH SessionListenDispatch = { OnSessionAccept, NULL, NULL };
