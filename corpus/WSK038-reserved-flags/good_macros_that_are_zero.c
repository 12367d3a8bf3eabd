/* Trap: project macros that expand to 0 in the reserved positions, DRAIN with an empty buffer, and a
   version built with MAKE_WSK_VERSION. */
#include <ntddk.h>
#include <wsk.h>

#define NO_FLAGS 0
#define WSK_RESERVED_FLAGS (NO_FLAGS)

const WSK_CLIENT_DISPATCH g_Client = { MAKE_WSK_VERSION(1, 0), 0, NULL };

NTSTATUS SendAndDrain(PWSK_SOCKET Udp, PWSK_SOCKET Tcp, PWSK_BUF Buffer, PSOCKADDR To, PIRP Irp, PIRP Irp2)
{
    WSK_BUF empty;
    NTSTATUS status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)Udp->Dispatch)->WskSendTo(Udp, Buffer, NO_FLAGS, To, 0,
                                                                                  NULL, Irp);
    empty.Mdl = NULL;
    empty.Offset = 0;
    empty.Length = 0;
    ((PWSK_PROVIDER_CONNECTION_DISPATCH)Tcp->Dispatch)->WskReceive(Tcp, &empty, WSK_FLAG_DRAIN, Irp2);
    ((PWSK_PROVIDER_CONNECTION_DISPATCH)Tcp->Dispatch)->WskConnect(Tcp, To, WSK_RESERVED_FLAGS, Irp2);
    return status;
}
