/* Trap: a helper annotated _IRQL_requires_max_(DISPATCH_LEVEL) that calls only DISPATCH-safe routines,
   and a spin-lock region that ends before the PASSIVE-only call. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _QUEUE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Pending;
    KEVENT NotEmpty;
    HANDLE Trace;
} QUEUE, *PQUEUE;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID QueuePush(PQUEUE Queue, PLIST_ENTRY Entry)
{
    KIRQL old;
    KeAcquireSpinLock(&Queue->Lock, &old);
    InsertTailList(&Queue->Pending, Entry);
    KeReleaseSpinLock(&Queue->Lock, old);
    KeSetEvent(&Queue->NotEmpty, IO_NO_INCREMENT, FALSE);
}

KSTART_ROUTINE QueueWorker;

VOID QueueWorker(PVOID Context)
{
    PQUEUE q = (PQUEUE)Context;
    KLOCK_QUEUE_HANDLE h;
    for (;;) {
        KeWaitForSingleObject(&q->NotEmpty, Executive, KernelMode, FALSE, NULL);
        KeAcquireInStackQueuedSpinLock(&q->Lock, &h);
        if (!IsListEmpty(&q->Pending)) {
            RemoveHeadList(&q->Pending);
        }
        KeReleaseInStackQueuedSpinLock(&h);
        ZwFlushKey(q->Trace);
    }
}
