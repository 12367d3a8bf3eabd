/* Traps: the AtDpcLevel variants are used only when the flag is set, after KeRaiseIrql, after a real
   IRQL test, and in a DPC; PASSIVE-only work is deferred whatever the flag says. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _STATE {
    KSPIN_LOCK Lock;
    SIZE_T Bytes;
    ULONG Disconnects;
    PIO_WORKITEM Item;
    KDPC Dpc;
} STATE, *PSTATE;

IO_WORKITEM_ROUTINE PersistState;

VOID PersistState(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSTATE s = (PSTATE)SocketContext;
    KIRQL old;
    UNREFERENCED_PARAMETER(DataIndication);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (Flags & WSK_FLAG_AT_DISPATCH_LEVEL) {
        KeAcquireSpinLockAtDpcLevel(&s->Lock);
        s->Bytes += BytesIndicated;
        KeReleaseSpinLockFromDpcLevel(&s->Lock);
    } else {
        KeAcquireSpinLock(&s->Lock, &old);
        s->Bytes += BytesIndicated;
        KeReleaseSpinLock(&s->Lock, old);
        IoQueueWorkItem(s->Item, PersistState, DelayedWorkQueue, s);
    }
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    PSTATE s = (PSTATE)SocketContext;
    KIRQL old;
    UNREFERENCED_PARAMETER(Flags);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    KeAcquireSpinLockAtDpcLevel(&s->Lock);
    s->Disconnects++;
    KeReleaseSpinLockFromDpcLevel(&s->Lock);
    KeLowerIrql(old);
    if (KeGetCurrentIrql() == DISPATCH_LEVEL) {
        KeAcquireSpinLockAtDpcLevel(&s->Lock);
        s->Disconnects++;
        KeReleaseSpinLockFromDpcLevel(&s->Lock);
    }
    return STATUS_SUCCESS;
}

static VOID StateDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PSTATE s = (PSTATE)Context;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    KeAcquireSpinLockAtDpcLevel(&s->Lock);
    s->Bytes = 0;
    KeReleaseSpinLockFromDpcLevel(&s->Lock);
}

VOID InitState(PSTATE State)
{
    KeInitializeSpinLock(&State->Lock);
    KeInitializeDpc(&State->Dpc, StateDpc, State);
}

const WSK_CLIENT_CONNECTION_DISPATCH g_StateDispatch = { OnReceive, OnDisconnect, NULL };
