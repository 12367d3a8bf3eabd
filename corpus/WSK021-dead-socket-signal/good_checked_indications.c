/* Traps: every nullable argument is checked first, directly, through a loop condition, or in the helper
   it is handed to (an _In_opt_ parameter that the helper checks). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _STREAM {
    SIZE_T Bytes;
    BOOLEAN Dead;
    WSK_INSPECT_ID Last;
} STREAM, *PSTREAM;

static SIZE_T CountBytes(_In_opt_ PWSK_DATA_INDICATION Data)
{
    SIZE_T n = 0;
    while (Data != NULL) {
        n += Data->Buffer.Length;
        Data = Data->Next;
    }
    return n;
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSTREAM s = (PSTREAM)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    s->Bytes += CountBytes(DataIndication);
    if (DataIndication == NULL) {
        s->Dead = TRUE;
        return STATUS_SUCCESS;
    }
    s->Bytes += DataIndication->Buffer.Length;
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PSTREAM s = (PSTREAM)SocketContext;
    PWSK_DATAGRAM_INDICATION d;
    UNREFERENCED_PARAMETER(Flags);
    for (d = DataIndication; d != NULL; d = d->Next) {
        s->Bytes += d->Buffer.Length;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PSTREAM s = (PSTREAM)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    if (!AcceptSocket || AcceptSocket->Dispatch == NULL) {
        s->Dead = TRUE;
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    return STATUS_SUCCESS;
}

static WSK_INSPECT_ACTION WSKAPI OnInspect(PVOID SocketContext, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                           PWSK_INSPECT_ID InspectID)
{
    PSTREAM s = (PSTREAM)SocketContext;
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    if (InspectID != NULL) {
        s->Last = *InspectID;
    }
    return WskInspectAccept;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_StreamDispatch = { OnReceive, NULL, NULL };
const WSK_CLIENT_DATAGRAM_DISPATCH g_DatagramDispatch = { OnReceiveFrom };
const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { OnAccept, OnInspect, NULL };
