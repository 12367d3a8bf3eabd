/* Copies each datagram into a ring and lets a work item do the decryption at PASSIVE_LEVEL. */
#include <ntddk.h>
#include <wsk.h>
#include <bcrypt.h>

#define RING_SLOTS 256
#define SLOT_SIZE 2048

typedef struct _RX_RING {
    PIO_WORKITEM Work;
    BCRYPT_KEY_HANDLE Key;
    KSPIN_LOCK Lock;
    ULONG Head;
    ULONG Tail;
    ULONG Lengths[RING_SLOTS];
    UCHAR Slots[RING_SLOTS][SLOT_SIZE];
    UCHAR Plain[SLOT_SIZE];
} RX_RING, *PRX_RING;

IO_WORKITEM_ROUTINE RxDrain;

VOID RxDrain(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PRX_RING ring = (PRX_RING)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    while (ring->Tail != ring->Head) {
        ULONG slot = ring->Tail % RING_SLOTS;
        ULONG out = 0;
        BCryptDecrypt(ring->Key, ring->Slots[slot], ring->Lengths[slot], NULL, NULL, 0, ring->Plain,
                      sizeof(ring->Plain), &out, 0);
        ring->Tail++;
    }
}

NTSTATUS WSKAPI RxReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PRX_RING ring = (PRX_RING)SocketContext;
    KIRQL irql;
    UNREFERENCED_PARAMETER(Flags);

    KeAcquireSpinLock(&ring->Lock, &irql);
    for (; DataIndication != NULL; DataIndication = DataIndication->Next) {
        ULONG slot = ring->Head % RING_SLOTS;
        PUCHAR p = MmGetSystemAddressForMdlSafe(DataIndication->Buffer.Mdl, NormalPagePriority | MdlMappingNoExecute);
        if (p == NULL || DataIndication->Buffer.Length > SLOT_SIZE || ring->Head - ring->Tail >= RING_SLOTS) {
            continue;
        }
        RtlCopyMemory(ring->Slots[slot], p + DataIndication->Buffer.Offset, DataIndication->Buffer.Length);
        ring->Lengths[slot] = (ULONG)DataIndication->Buffer.Length;
        ring->Head++;
    }
    KeReleaseSpinLock(&ring->Lock, irql);
    IoQueueWorkItem(ring->Work, RxDrain, DelayedWorkQueue, ring);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH RxDispatch = { RxReceiveFrom };
