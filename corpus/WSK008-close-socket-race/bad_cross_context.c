/* The receive callback echoes on the socket while a work item may close it: nothing keeps the send
   from being in progress when the close starts. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _ECHO {
    PWSK_SOCKET Socket;
    PIRP SendIrp;
    PIRP CloseIrp;
    WSK_BUF Reply;
    PIO_WORKITEM CloseItem;
} ECHO, *PECHO;

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PECHO e = (PECHO)SocketContext;
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)e->Socket->Dispatch;
    dispatch->WskSend(e->Socket, &e->Reply, 0, e->SendIrp);
    return STATUS_SUCCESS;
}

IO_WORKITEM_ROUTINE CloseEcho;

VOID CloseEcho(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PECHO e = (PECHO)Context;
    PWSK_SOCKET socket = e->Socket;
    UNREFERENCED_PARAMETER(DeviceObject);
    ((PWSK_PROVIDER_BASIC_DISPATCH)socket->Dispatch)->WskCloseSocket(socket, e->CloseIrp); // expect: WSK008 "closes the socket in ECHO.Socket while OnReceive calls WskSend on it from another context"
}

VOID ScheduleClose(PECHO Echo)
{
    IoQueueWorkItem(Echo->CloseItem, CloseEcho, DelayedWorkQueue, Echo);
}

const WSK_CLIENT_CONNECTION_DISPATCH g_EchoDispatch = { OnReceive, NULL, NULL };
