/* The callbacks report failures with error statuses. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    BOOLEAN Connected;
    SIZE_T Backlog;
} PEER, *PPEER;

NTSTATUS WSKAPI PeerDisconnect(PVOID SocketContext, ULONG Flags)
{
    PPEER peer = (PPEER)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    if (!peer->Connected) {
        return STATUS_INVALID_DEVICE_STATE; // expect: WSK020 "PeerDisconnect (WskDisconnectEvent) returns STATUS_INVALID_DEVICE_STATE"
    }
    peer->Connected = FALSE;
    return STATUS_SUCCESS;
}

NTSTATUS WSKAPI PeerSendBacklog(PVOID SocketContext, SIZE_T IdealBacklogSize)
{
    PPEER peer = (PPEER)SocketContext;
    if (IdealBacklogSize == 0) {
        return STATUS_INVALID_PARAMETER; // expect: WSK020 "PeerSendBacklog (WskSendBacklogEvent) returns STATUS_INVALID_PARAMETER"
    }
    peer->Backlog = IdealBacklogSize;
    return STATUS_SUCCESS;
}
