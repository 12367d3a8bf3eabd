/* Pageable work-item code takes a spin lock and signals with Wait = TRUE: both leave it running at
   DISPATCH_LEVEL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TABLE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Entries;
    KEVENT Updated;
    PIO_WORKITEM Item;
} TABLE, *PTABLE;

IO_WORKITEM_ROUTINE RebuildTable;

#pragma alloc_text(PAGE, RebuildTable)

VOID RebuildTable(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PTABLE t = (PTABLE)Context;
    KIRQL old;
    UNREFERENCED_PARAMETER(DeviceObject);
    PAGED_CODE();
    KeAcquireSpinLock(&t->Lock, &old); // expect: WSK006 "raises IRQL to DISPATCH_LEVEL with KeAcquireSpinLock"
    InitializeListHead(&t->Entries);
    KeReleaseSpinLock(&t->Lock, old);
    KeSetEvent(&t->Updated, IO_NO_INCREMENT, TRUE); // expect: WSK006 "KeSetEvent with Wait = TRUE"
    KeWaitForSingleObject(&t->Updated, Executive, KernelMode, FALSE, NULL);
}

VOID ScheduleRebuild(PTABLE Table)
{
    IoQueueWorkItem(Table->Item, RebuildTable, DelayedWorkQueue, Table);
}
