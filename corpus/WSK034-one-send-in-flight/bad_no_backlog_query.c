/* A replication sender keeps a fixed pool of sends pending, but sizes the pool by guess: it never
 * learns the connection's ideal send backlog. */
#include <ntddk.h>
#include <wsk.h>

#define POOL 4

typedef struct _SLOT {
    PIRP Irp;
    WSK_BUF Buf;
    struct _REPL *Owner;
} SLOT, *PSLOT;

typedef struct _REPL {
    PWSK_SOCKET Socket;
    SLOT Slots[POOL];
    volatile LONG Pending;
} REPL, *PREPL;

IO_COMPLETION_ROUTINE SlotDone;

NTSTATUS SlotDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PSLOT slot = (PSLOT)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    InterlockedDecrement(&slot->Owner->Pending);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID StartReplication(PREPL R, PMDL *Segments, ULONG SegmentLength)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = R->Socket->Dispatch;
    ULONG i;

    for (i = 0; i < POOL; i++) {
        PSLOT slot = &R->Slots[i];
        slot->Owner = R;
        slot->Buf.Mdl = Segments[i];
        slot->Buf.Offset = 0;
        slot->Buf.Length = SegmentLength;
        IoReuseIrp(slot->Irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(slot->Irp, SlotDone, slot, TRUE, TRUE, TRUE);
        InterlockedIncrement(&R->Pending);
        conn->WskSend(R->Socket, &slot->Buf, 0, slot->Irp);  // expect: WSK034 "never queries SIO_WSK_QUERY_IDEAL_SEND_BACKLOG"
    }
}
