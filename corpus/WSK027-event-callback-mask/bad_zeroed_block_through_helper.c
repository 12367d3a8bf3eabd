/* The control block is zero-filled and handed to a helper that makes the call: NpiId stays NULL. */
#include <ntddk.h>
#include <wsk.h>

static NTSTATUS SetEvents(PWSK_SOCKET Socket, PWSK_EVENT_CALLBACK_CONTROL Control)
{
    return ((PWSK_PROVIDER_DATAGRAM_DISPATCH)Socket->Dispatch)->WskControlSocket(
        Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(*Control), Control, 0, NULL, NULL, NULL);
}

NTSTATUS StartDatagrams(PWSK_SOCKET Socket)
{
    WSK_EVENT_CALLBACK_CONTROL cc = { 0 };
    cc.EventMask = WSK_EVENT_RECEIVE_FROM;
    return SetEvents(Socket, &cc); // expect: WSK027 "NpiId is NULL"
}
