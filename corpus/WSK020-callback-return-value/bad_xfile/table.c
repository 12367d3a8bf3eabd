/* The connection events are registered here; the callbacks are in events.c. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS WSKAPI PeerDisconnect(PVOID SocketContext, ULONG Flags);
NTSTATUS WSKAPI PeerSendBacklog(PVOID SocketContext, SIZE_T IdealBacklogSize);

const WSK_CLIENT_CONNECTION_DISPATCH g_PeerEvents = { NULL, PeerDisconnect, PeerSendBacklog };
