/* Callbacks use their indication, accepted socket and inspect id without checking for NULL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _STREAM {
    SIZE_T Bytes;
    PWSK_SOCKET Peer;
    WSK_INSPECT_ID Last;
} STREAM, *PSTREAM;

static SIZE_T ChainLength(PWSK_DATA_INDICATION Data)
{
    SIZE_T n = 0;
    for (; Data->Next != NULL; Data = Data->Next) {
        n++;
    }
    return n;
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSTREAM s = (PSTREAM)SocketContext;
    PMDL mdl = DataIndication->Buffer.Mdl; // expect: WSK021 "OnReceive (WskReceiveEvent) dereferences DataIndication without a NULL check"
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);
    UNREFERENCED_PARAMETER(mdl);
    s->Bytes += BytesIndicated;
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PSTREAM s = (PSTREAM)SocketContext;
    PWSK_DATAGRAM_INDICATION d = DataIndication;
    UNREFERENCED_PARAMETER(Flags);
    s->Bytes += d->Buffer.Length; // expect: WSK021 "dereferences DataIndication"
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceiveChain(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                      SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSTREAM s = (PSTREAM)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    s->Bytes += ChainLength(DataIndication); // expect: WSK021 "passes DataIndication to ChainLength, which dereferences it"
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
    if (AcceptSocket->Dispatch == NULL) { // expect: WSK021 "OnAccept (WskAcceptEvent) dereferences AcceptSocket"
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    s->Peer = AcceptSocket;
    return STATUS_SUCCESS;
}

static WSK_INSPECT_ACTION WSKAPI OnInspect(PVOID SocketContext, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                           PWSK_INSPECT_ID InspectID)
{
    PSTREAM s = (PSTREAM)SocketContext;
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    s->Last = *InspectID; // expect: WSK021 "dereferences InspectID"
    return WskInspectAccept;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_StreamDispatch = { OnReceive, NULL, NULL };
const WSK_CLIENT_CONNECTION_DISPATCH g_ChainDispatch = { OnReceiveChain, NULL, NULL };
const WSK_CLIENT_DATAGRAM_DISPATCH g_DatagramDispatch = { OnReceiveFrom };
const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { OnAccept, OnInspect, NULL };
