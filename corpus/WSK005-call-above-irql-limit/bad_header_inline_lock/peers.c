/* The PASSIVE-only call is inside the region the header's inline EpochEnter opens. */
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
    peers->Count = 0;
    ZwClose(peers->Config); // expect: WSK005 "PeerMaintenance after EpochEnter"
    EpochLeave(irql);
    PsTerminateSystemThread(STATUS_SUCCESS);
}

IO_WORKITEM_ROUTINE PeerRecount;

VOID PeerRecount(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PPEERS peers = (PPEERS)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    EpochEnterAtDpcLevel(); // expect: WSK007 "EpochEnterAtDpcLevel (annotated _IRQL_requires_min_(DISPATCH_LEVEL)) requires DISPATCH_LEVEL"
    peers->Count++;
}
