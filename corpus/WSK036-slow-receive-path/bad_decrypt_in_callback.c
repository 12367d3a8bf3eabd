/* A datagram tunnel that decrypts and routes every datagram inside the receive callback. */
#include <ntddk.h>
#include <wsk.h>
#include <bcrypt.h>

typedef struct _TUNNEL_PEER {
    BCRYPT_KEY_HANDLE Key;
    UCHAR Plain[2048];
} TUNNEL_PEER, *PTUNNEL_PEER;

VOID RouteDatagram(PTUNNEL_PEER Peer, PUCHAR Data, ULONG Length);

static VOID DecryptAndRouteEverything(PTUNNEL_PEER Peer, PWSK_DATAGRAM_INDICATION List)
{
    for (; List != NULL; List = List->Next) {
        PUCHAR data = MmGetSystemAddressForMdlSafe(List->Buffer.Mdl, NormalPagePriority | MdlMappingNoExecute);
        ULONG len = (ULONG)List->Buffer.Length;
        ULONG out = 0;
        if (data == NULL || len > sizeof(Peer->Plain)) {
            continue;
        }
        if (NT_SUCCESS(BCryptDecrypt(Peer->Key, data + List->Buffer.Offset, len, NULL, NULL, 0, Peer->Plain,
                                     sizeof(Peer->Plain), &out, 0))) {
            RouteDatagram(Peer, Peer->Plain, out);
        }
    }
}

NTSTATUS WSKAPI TunnelReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication != NULL) {
        DecryptAndRouteEverything((PTUNNEL_PEER)SocketContext, DataIndication);  // expect: WSK036 "decryption inline"
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH TunnelDispatch = { TunnelReceiveFrom };
