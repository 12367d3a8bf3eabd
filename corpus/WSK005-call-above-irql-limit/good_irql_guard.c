/* Trap: the PASSIVE-only call runs only after a real IRQL test; otherwise the work is deferred. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _STATS {
    HANDLE Key;
    PIO_WORKITEM Item;
    ULONG Disconnects;
} STATS, *PSTATS;

IO_WORKITEM_ROUTINE FlushStats;

VOID FlushStats(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PSTATS s = (PSTATS)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    ZwFlushKey(s->Key);
}

static VOID SaveStats(PSTATS Stats)
{
    if (KeGetCurrentIrql() == PASSIVE_LEVEL) {
        ZwFlushKey(Stats->Key);
    } else {
        IoQueueWorkItem(Stats->Item, FlushStats, DelayedWorkQueue, Stats);
    }
}

static VOID SaveStatsLater(PSTATS Stats)
{
    KIRQL irql = KeGetCurrentIrql();
    if (irql > PASSIVE_LEVEL) {
        IoQueueWorkItem(Stats->Item, FlushStats, DelayedWorkQueue, Stats);
        return;
    }
    ZwFlushKey(Stats->Key);
}

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    PSTATS stats = (PSTATS)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    stats->Disconnects++;
    SaveStats(stats);
    SaveStatsLater(stats);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_Dispatch = { NULL, OnDisconnect, NULL };
