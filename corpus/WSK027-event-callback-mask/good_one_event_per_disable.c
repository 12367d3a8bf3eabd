/* Trap: enabling several events at once is allowed; disabling them one per call, reusing the block. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS Start(PWSK_SOCKET Socket)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_SEND_BACKLOG;
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskControlSocket(
        Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
}

NTSTATUS Stop(PWSK_SOCKET Socket, PIRP Irp)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    PWSK_PROVIDER_CONNECTION_DISPATCH d = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    NTSTATUS status;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE;
    status = d->WskControlSocket(Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL,
                                 NULL, Irp);
    cc.EventMask = WSK_EVENT_DISCONNECT | WSK_EVENT_DISABLE;
    d->WskControlSocket(Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, Irp);
    return status;
}
