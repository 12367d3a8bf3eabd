/* Trap: the region opened by the header's inline EpochEnter ends at EpochLeave; the PASSIVE-only call
   comes after it, and the AtDpcLevel helper is used inside it. */
#include "epoch.h"

typedef struct _PEERS {
    HANDLE Config;
    ULONG Count;
} PEERS, *PPEERS;

KSTART_ROUTINE PeerMaintenance;

VOID PeerMaintenance(PVOID Context)
{
    PPEERS peers = (PPEERS)Context;
    KIRQL irql = EpochEnter();
    EpochEnterAtDpcLevel();
    peers->Count = 0;
    EpochLeave(irql);
    ZwClose(peers->Config);
    PsTerminateSystemThread(STATUS_SUCCESS);
}
