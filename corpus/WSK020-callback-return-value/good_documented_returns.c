/* Traps: statuses computed through helpers that return only allowed values, failures handled inside
   the callback, STATUS_DATA_NOT_ACCEPTED resumed with WskReceive and re-enabled with
   SO_WSK_EVENT_CALLBACK, a pended inspection completed later, and a rejected socket left untouched. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CHANNEL {
    PWSK_SOCKET Socket;
    PIRP Irp;
    WSK_BUF Buffer;
    ULONG Queued;
    ULONG Limit;
    BOOLEAN Broken;
    WSK_INSPECT_ID Held;
} CHANNEL, *PCHANNEL;

static NTSTATUS Admit(PCHANNEL Channel)
{
    if (Channel->Queued >= Channel->Limit) {
        return STATUS_DATA_NOT_ACCEPTED;
    }
    Channel->Queued++;
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PCHANNEL c = (PCHANNEL)SocketContext;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        c->Broken = TRUE;
        return STATUS_SUCCESS;
    }
    status = Admit(c);
    return status;
}

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PCHANNEL c = (PCHANNEL)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    return Admit(c);
}

static NTSTATUS WSKAPI OnSendBacklog(PVOID SocketContext, SIZE_T IdealBacklogSize)
{
    PCHANNEL c = (PCHANNEL)SocketContext;
    c->Limit = (ULONG)IdealBacklogSize;
    return STATUS_SUCCESS;
}

static WSK_INSPECT_ACTION WSKAPI OnInspect(PVOID SocketContext, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                           PWSK_INSPECT_ID InspectID)
{
    PCHANNEL c = (PCHANNEL)SocketContext;
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    if (InspectID == NULL) {
        return WskInspectReject;
    }
    c->Held = *InspectID;
    return WskInspectPend;
}

static NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PCHANNEL c = (PCHANNEL)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    if (AcceptSocket == NULL || c->Broken) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ChannelDispatch = { OnReceive, NULL, OnSendBacklog };
const WSK_CLIENT_DATAGRAM_DISPATCH g_DatagramDispatch = { OnReceiveFrom };
const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { OnAccept, OnInspect, NULL };

NTSTATUS ResumeReceive(PCHANNEL Channel)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Channel->Socket->Dispatch;
    Channel->Queued = 0;
    return dispatch->WskReceive(Channel->Socket, &Channel->Buffer, 0, Channel->Irp);
}

NTSTATUS ReenableReceiveFrom(PCHANNEL Channel)
{
    PWSK_PROVIDER_BASIC_DISPATCH dispatch = (PWSK_PROVIDER_BASIC_DISPATCH)Channel->Socket->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL control;
    control.NpiId = &NPI_WSK_INTERFACE_ID;
    control.EventMask = WSK_EVENT_RECEIVE_FROM;
    return dispatch->WskControlSocket(Channel->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
                                      sizeof(control), &control, 0, NULL, NULL, NULL);
}

NTSTATUS CompleteInspection(PCHANNEL Channel, PWSK_SOCKET Listener)
{
    PWSK_PROVIDER_LISTEN_DISPATCH dispatch = (PWSK_PROVIDER_LISTEN_DISPATCH)Listener->Dispatch;
    return dispatch->WskInspectComplete(Listener, &Channel->Held, WskInspectAccept, Channel->Irp);
}
