/* Trap: a socket accepted on a listener is already bound and connected; its receive callback is enabled
   on it right away, in the accept callback. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN { PWSK_SOCKET Socket; } CONN, *PCONN;

static NTSTATUS WSKAPI OnReceive(PVOID Context, ULONG Flags, PWSK_DATA_INDICATION Data, SIZE_T Indicated,
                                 SIZE_T *Accepted)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Indicated);
    UNREFERENCED_PARAMETER(Accepted);
    return STATUS_SUCCESS;
}

static const WSK_CLIENT_CONNECTION_DISPATCH g_ConnEvents = { OnReceive, NULL, NULL };

static NTSTATUS WSKAPI OnAccept(PVOID Context, ULONG Flags, PSOCKADDR Local, PSOCKADDR Remote,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptDispatch)
{
    WSK_EVENT_CALLBACK_CONTROL cc = { &NPI_WSK_INTERFACE_ID, WSK_EVENT_RECEIVE };
    PCONN conn = (PCONN)Context;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Local);
    UNREFERENCED_PARAMETER(Remote);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    conn->Socket = AcceptSocket;
    ((PWSK_PROVIDER_CONNECTION_DISPATCH)AcceptSocket->Dispatch)->WskControlSocket(
        AcceptSocket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
    *AcceptContext = conn;
    *AcceptDispatch = &g_ConnEvents;
    return STATUS_SUCCESS;
}

static const WSK_CLIENT_LISTEN_DISPATCH g_ListenEvents = { OnAccept, NULL, NULL };

const WSK_CLIENT_LISTEN_DISPATCH *ListenEvents(VOID)
{
    return &g_ListenEvents;
}
