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

NTSTATUS CollectorStart(PCOLLECTOR C, PSOCKADDR_IN6 Any)
{
    NTSTATUS st = CollectorCreateSocket(C, (PSOCKADDR)Any, &C->Socket);
    if (NT_SUCCESS(st)) {
        st = CollectorArm(C->Socket);
    }
    return st;
}
