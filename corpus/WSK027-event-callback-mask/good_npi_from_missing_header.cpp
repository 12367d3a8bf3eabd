// Trap: the NPI id comes from a project header that is not available; the assignment cannot be modelled
// (in C++ it is a parse error), so the block must not be taken for "NpiId never set".
#include <ntddk.h>
#include <wsk.h>
#include "netconfig.h"

NTSTATUS EnableReceive(PWSK_SOCKET Socket)
{
    WSK_EVENT_CALLBACK_CONTROL cc = {};
    cc.NpiId = NETCONFIG_WSK_NPI;
    cc.EventMask = WSK_EVENT_RECEIVE;
    return static_cast<const WSK_PROVIDER_CONNECTION_DISPATCH *>(Socket->Dispatch)->Basic.WskControlSocket(
        Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, nullptr, nullptr, nullptr);
}
