/* STATUS_DATA_NOT_ACCEPTED and WskInspectPend without the calls that resume the socket. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _BACKLOG {
    ULONG Queued;
    ULONG Limit;
} BACKLOG, *PBACKLOG;

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PBACKLOG b = (PBACKLOG)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL || b->Queued >= b->Limit) {
        return STATUS_DATA_NOT_ACCEPTED; // expect: WSK020 "never calls WskReceive"
    }
    b->Queued++;
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PBACKLOG b = (PBACKLOG)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL || b->Queued >= b->Limit) {
        return STATUS_DATA_NOT_ACCEPTED; // expect: WSK020 "never re-enables it with SO_WSK_EVENT_CALLBACK"
    }
    return STATUS_SUCCESS;
}

static WSK_INSPECT_ACTION WSKAPI OnInspect(PVOID SocketContext, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                           PWSK_INSPECT_ID InspectID)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    if (InspectID == NULL) {
        return WskInspectMax; // expect: WSK020 "OnInspect (WskInspectEvent) returns WskInspectMax"
    }
    return WskInspectPend; // expect: WSK020 "never calls WskInspectComplete"
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ConnDispatch = { OnReceive, NULL, NULL };
const WSK_CLIENT_DATAGRAM_DISPATCH g_DgramDispatch = { OnReceiveFrom };
const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { NULL, OnInspect, NULL };
