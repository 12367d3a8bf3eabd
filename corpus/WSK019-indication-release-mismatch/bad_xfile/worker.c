/* The worker consumes queued datagrams but never gives them back to WSK. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RX_QUEUE {
    KSPIN_LOCK Lock;
    PWSK_DATAGRAM_INDICATION Head;
} RX_QUEUE, *PRX_QUEUE;

NTSTATUS WSKAPI KeepDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication);

const WSK_CLIENT_DATAGRAM_DISPATCH KeepDispatch = { KeepDatagrams };

VOID EnqueueDatagrams(PVOID Context, PWSK_DATAGRAM_INDICATION List)
{
    PRX_QUEUE q = (PRX_QUEUE)Context;
    KIRQL irql;
    KeAcquireSpinLock(&q->Lock, &irql);
    List->Next = q->Head;
    q->Head = List;
    KeReleaseSpinLock(&q->Lock, irql);
}
