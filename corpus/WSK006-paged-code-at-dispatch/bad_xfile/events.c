/* The listen table is defined here; the accept callback is in accept.c. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS WSKAPI ServerAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                             PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                             const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch);

const WSK_CLIENT_LISTEN_DISPATCH g_ServerListen = { ServerAccept, NULL, NULL };
