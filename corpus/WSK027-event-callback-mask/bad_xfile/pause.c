/* ... so it cannot be disabled on one of them later. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS PauseReceive(PWSK_SOCKET Socket)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE_FROM | WSK_EVENT_DISABLE; // expect: WSK027 "WSK_EVENT_RECEIVE_FROM was enabled for every socket with WSK_SET_STATIC_EVENT_CALLBACKS"
    return ((PWSK_PROVIDER_DATAGRAM_DISPATCH)Socket->Dispatch)->WskControlSocket(
        Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
}
