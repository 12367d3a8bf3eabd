/* Two events disabled in one call, with no NPI id. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS StopEvents(PWSK_SOCKET Socket)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    PWSK_PROVIDER_CONNECTION_DISPATCH d = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    cc.NpiId = NULL; // expect: WSK027 "NpiId is NULL"
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_DISABLE; // expect: WSK027 "disables 2 events (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT) in one call"
    return d->WskControlSocket(Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL,
                               NULL, NULL);
}
