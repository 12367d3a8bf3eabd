/* The callback counts datagrams under a lock taken with the AtDpcLevel variant, flag unchecked. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RX_STATS {
    KSPIN_LOCK Lock;
    ULONG Datagrams;
} RX_STATS, *PRX_STATS;

NTSTATUS WSKAPI RxReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PRX_STATS stats = (PRX_STATS)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    KeAcquireSpinLockAtDpcLevel(&stats->Lock); // expect: WSK007 "WskReceiveFromEvent callback RxReceiveFrom (registered at table.c:7)"
    stats->Datagrams++;
    KeReleaseSpinLockFromDpcLevel(&stats->Lock);
    return STATUS_SUCCESS;
}
