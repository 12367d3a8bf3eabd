/* Under WSK_FLAG_RELEASE_ASAP the callback still queues, but wakes the worker that copies and
   releases the indications at once; otherwise they wait for the next batch. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RX {
    PWSK_SOCKET Socket;
    KSPIN_LOCK Lock;
    PWSK_DATAGRAM_INDICATION Pending;
    KEVENT Wake;
} RX, *PRX;

VOID CopyOut(PRX Rx, PWSK_DATAGRAM_INDICATION Datagram);

NTSTATUS WSKAPI RxOnDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PRX rx = (PRX)SocketContext;
    KIRQL irql;

    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    KeAcquireSpinLock(&rx->Lock, &irql);
    DataIndication->Next = rx->Pending;
    rx->Pending = DataIndication;
    KeReleaseSpinLock(&rx->Lock, irql);
    if ((Flags & WSK_FLAG_RELEASE_ASAP) != 0) {
        KeSetEvent(&rx->Wake, IO_NETWORK_INCREMENT, FALSE);
    }
    return STATUS_PENDING;
}

const WSK_CLIENT_DATAGRAM_DISPATCH RxDispatch = { RxOnDatagrams };

KSTART_ROUTINE RxWorker;

VOID RxWorker(PVOID Context)
{
    PRX rx = (PRX)Context;
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = rx->Socket->Dispatch;
    PWSK_DATAGRAM_INDICATION list, next;
    KIRQL irql;

    for (;;) {
        KeWaitForSingleObject(&rx->Wake, Executive, KernelMode, FALSE, NULL);
        KeAcquireSpinLock(&rx->Lock, &irql);
        list = rx->Pending;
        rx->Pending = NULL;
        KeReleaseSpinLock(&rx->Lock, irql);
        for (; list != NULL; list = next) {
            next = list->Next;
            list->Next = NULL;
            CopyOut(rx, list);
            dispatch->WskRelease(rx->Socket, list);
        }
    }
}
