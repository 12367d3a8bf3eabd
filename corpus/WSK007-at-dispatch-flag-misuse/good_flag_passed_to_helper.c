/* Trap: the callback passes the flag test to a helper, which picks the lock variant from it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DEVICE_STATE {
    EX_SPIN_LOCK Lock;
    ULONG Packets;
} DEVICE_STATE, *PDEVICE_STATE;

static VOID ProcessPacket(PDEVICE_STATE Device, SIZE_T Length, BOOLEAN AtDispatch)
{
    KIRQL irql = PASSIVE_LEVEL;
    UNREFERENCED_PARAMETER(Length);
    if (AtDispatch) {
        ExAcquireSpinLockSharedAtDpcLevel(&Device->Lock);
    } else {
        irql = ExAcquireSpinLockShared(&Device->Lock);
    }
    Device->Packets++;
    if (AtDispatch) {
        ExReleaseSpinLockSharedFromDpcLevel(&Device->Lock);
    } else {
        ExReleaseSpinLockShared(&Device->Lock, irql);
    }
}

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PDEVICE_STATE device = (PDEVICE_STATE)SocketContext;
    while (DataIndication != NULL) {
        ProcessPacket(device, DataIndication->Buffer.Length, Flags & WSK_FLAG_AT_DISPATCH_LEVEL);
        DataIndication = DataIndication->Next;
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH g_Dispatch = { OnReceiveFrom };
