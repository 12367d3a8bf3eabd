/* ... used from another file for WSK_SET_STATIC_EVENT_CALLBACKS, which takes no IRP. */
#include "client.h"

NTSTATUS EnableAcceptEverywhere(PCLIENT Client)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_ACCEPT;
    return ClientControl(Client, WSK_SET_STATIC_EVENT_CALLBACKS, &cc, sizeof(cc)); // expect: WSK024 "WSK_SET_STATIC_EVENT_CALLBACKS is passed an IRP"
}
