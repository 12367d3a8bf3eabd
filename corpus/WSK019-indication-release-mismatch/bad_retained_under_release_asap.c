/* WSK asks for the indications back as soon as possible, but the callback parks them on a backlog
   that only a periodic poll drains. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _FEED {
    PWSK_SOCKET Socket;
    KSPIN_LOCK Lock;
    PWSK_DATAGRAM_INDICATION Backlog;
} FEED, *PFEED;

VOID ConsumeDatagram(PFEED Feed, PWSK_DATAGRAM_INDICATION Datagram);

NTSTATUS WSKAPI FeedOnDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PFEED feed = (PFEED)SocketContext;
    KIRQL irql;

    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    KeAcquireSpinLock(&feed->Lock, &irql);
    DataIndication->Next = feed->Backlog;
    feed->Backlog = DataIndication;
    KeReleaseSpinLock(&feed->Lock, irql);
    if (Flags & WSK_FLAG_RELEASE_ASAP) {
        DbgPrint("feed: low on receive buffers\n");
        return STATUS_PENDING;  // expect: WSK019 "WSK_FLAG_RELEASE_ASAP"
    }
    return STATUS_PENDING;
}

const WSK_CLIENT_DATAGRAM_DISPATCH FeedDispatch = { FeedOnDatagrams };

/* Called from a periodic timer work item. */
VOID FeedPoll(PFEED Feed)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Feed->Socket->Dispatch;
    PWSK_DATAGRAM_INDICATION list, next;
    KIRQL irql;

    KeAcquireSpinLock(&Feed->Lock, &irql);
    list = Feed->Backlog;
    Feed->Backlog = NULL;
    KeReleaseSpinLock(&Feed->Lock, irql);
    for (; list != NULL; list = next) {
        next = list->Next;
        list->Next = NULL;
        ConsumeDatagram(Feed, list);
        dispatch->WskRelease(Feed->Socket, list);
    }
}
