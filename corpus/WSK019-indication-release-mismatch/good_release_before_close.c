/* Receive indications are retained on a queue of wrapper entries; the consumer releases each one, and
   the close path drains the queue before WskCloseSocket. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _HELD_DATA {
    LIST_ENTRY Link;
    PWSK_DATA_INDICATION Indication;
} HELD_DATA, *PHELD_DATA;

typedef struct _PEER {
    PWSK_SOCKET Socket;
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    PIRP Irp;
    KEVENT Closed;
} PEER, *PPEER;

IO_COMPLETION_ROUTINE PeerCloseDone;

NTSTATUS PeerCloseDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PPEER)Context)->Closed, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS WSKAPI PeerOnData(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                           SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PPEER peer = (PPEER)SocketContext;
    PHELD_DATA held;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    held = (PHELD_DATA)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(HELD_DATA), 'dleH');
    if (held == NULL) {
        return STATUS_DATA_NOT_ACCEPTED;
    }
    held->Indication = DataIndication;
    ExInterlockedInsertTailList(&peer->Queue, &held->Link, &peer->Lock);
    return STATUS_PENDING;
}

const WSK_CLIENT_CONNECTION_DISPATCH PeerDispatch = { PeerOnData, NULL, NULL };

static VOID PeerDrain(PPEER Peer)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Peer->Socket->Dispatch;
    PLIST_ENTRY entry;

    while ((entry = ExInterlockedRemoveHeadList(&Peer->Queue, &Peer->Lock)) != NULL) {
        PHELD_DATA held = CONTAINING_RECORD(entry, HELD_DATA, Link);
        dispatch->WskRelease(Peer->Socket, held->Indication);
        ExFreePoolWithTag(held, 'dleH');
    }
}

VOID PeerClose(PPEER Peer)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Peer->Socket->Dispatch;

    PeerDrain(Peer);
    KeInitializeEvent(&Peer->Closed, SynchronizationEvent, FALSE);
    IoReuseIrp(Peer->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Peer->Irp, PeerCloseDone, Peer, TRUE, TRUE, TRUE);
    dispatch->WskCloseSocket(Peer->Socket, Peer->Irp);
    KeWaitForSingleObject(&Peer->Closed, Executive, KernelMode, FALSE, NULL);
    IoFreeIrp(Peer->Irp);
}

/* After STATUS_DATA_NOT_ACCEPTED, a receive resumes the indications. */
NTSTATUS PeerResume(PPEER Peer, PWSK_BUF Buffer, PIRP Irp)
{
    return ((const WSK_PROVIDER_CONNECTION_DISPATCH *)Peer->Socket->Dispatch)->WskReceive(Peer->Socket, Buffer, 0, Irp);
}
