/* The accept callback hands the accepted socket to a helper that uses it unchecked. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LISTENER {
    PWSK_SOCKET Last;
    const VOID *LastDispatch;
} LISTENER, *PLISTENER;

static VOID Remember(PLISTENER Listener, PWSK_SOCKET Socket)
{
    Listener->Last = Socket;
    Listener->LastDispatch = Socket->Dispatch;
}

NTSTATUS WSKAPI ListenerAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                               PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                               const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    Remember((PLISTENER)SocketContext, AcceptSocket); // expect: WSK021 "passes AcceptSocket to Remember, which dereferences it"
    return STATUS_REQUEST_NOT_ACCEPTED;
}
