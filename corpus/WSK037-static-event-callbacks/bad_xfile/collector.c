/* Starts the collector: create its socket and arm the receive callback right away. */
#include <ntddk.h>
#include <wsk.h>
#include "collector.h"

NTSTATUS WSKAPI CollectorReceive(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH CollectorDispatch = { CollectorReceive };

NTSTATUS CollectorStart(PCOLLECTOR C)
{
    NTSTATUS st = CollectorCreateSocket(C, &C->Socket);
    if (NT_SUCCESS(st)) {
        st = CollectorArm(C->Socket);
    }
    return st;
}
