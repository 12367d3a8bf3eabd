/* Trap: callbacks of an extension interface are enabled with the extension's own NPI id. */
#include <ntddk.h>
#include <wsk.h>

DEFINE_GUID(NPI_MYEXT_INTERFACE_ID, 0x5b1f0a43, 0x2f3c, 0x4e55, 0x9a, 0x10, 0x77, 0x4c, 0x21, 0x09, 0x6e, 0x31);

#define MYEXT_EVENT_TIMESTAMP 0x00000001

NTSTATUS EnableTimestamps(PWSK_SOCKET Socket)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_MYEXT_INTERFACE_ID;
    cc.EventMask = MYEXT_EVENT_TIMESTAMP;
    return ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskControlSocket(
        Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
}
