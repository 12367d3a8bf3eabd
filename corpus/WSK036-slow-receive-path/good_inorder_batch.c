/* Trap: a VPN data plane that must keep packets in order. It walks the whole indication list,
 * decrypts each datagram in place (a dispatch-level CNG key), links the packets into one chain
 * and hands the chain to the stack once per indication batch. */
#include <ntddk.h>
#include <wsk.h>
#include <bcrypt.h>

typedef struct _VPN_PACKET {
    struct _VPN_PACKET *Next;
    ULONG Length;
    UCHAR Data[1500];
} VPN_PACKET, *PVPN_PACKET;

typedef struct _VPN_PEER {
    BCRYPT_KEY_HANDLE Key;
} VPN_PEER, *PVPN_PEER;

PVPN_PACKET VpnAllocatePacket(VOID);
VOID VpnIndicateChain(PVPN_PEER Peer, PVPN_PACKET First);

NTSTATUS WSKAPI VpnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PVPN_PEER peer = (PVPN_PEER)SocketContext;
    PVPN_PACKET first = NULL, *link = &first;
    PWSK_DATAGRAM_INDICATION next;

    UNREFERENCED_PARAMETER(Flags);
    for (; DataIndication != NULL; DataIndication = next) {
        PVPN_PACKET pkt;
        PUCHAR p;
        ULONG out = 0;

        next = DataIndication->Next;
        p = MmGetSystemAddressForMdlSafe(DataIndication->Buffer.Mdl, NormalPagePriority | MdlMappingNoExecute);
        pkt = VpnAllocatePacket();
        if (p == NULL || pkt == NULL || DataIndication->Buffer.Length > sizeof(pkt->Data)) {
            continue;
        }
        if (!NT_SUCCESS(BCryptDecrypt(peer->Key, p + DataIndication->Buffer.Offset,
                                      (ULONG)DataIndication->Buffer.Length, NULL, NULL, 0, pkt->Data,
                                      sizeof(pkt->Data), &out, 0))) {
            continue;
        }
        pkt->Length = out;
        pkt->Next = NULL;
        *link = pkt;
        link = &pkt->Next;
    }
    if (first != NULL) {
        VpnIndicateChain(peer, first);
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH VpnDispatch = { VpnReceiveFrom };
