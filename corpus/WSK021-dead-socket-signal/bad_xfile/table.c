/* The listen events are registered here; the accept callback is in accept.c. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS WSKAPI ListenerAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                               PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                               const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch);

const WSK_CLIENT_LISTEN_DISPATCH g_ListenerEvents = { ListenerAccept, NULL, NULL };
