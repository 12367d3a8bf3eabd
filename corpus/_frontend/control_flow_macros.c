/* Control-flow macros, switch fall-through, loops with missing clauses, goto cleanup. */
#include <ntddk.h>
#include <wsk.h>

#define GOTO_IF_NOT_NT_SUCCESS(label, status, expr) \
    do { (status) = (expr); if (!NT_SUCCESS(status)) { goto label; } } while (0)
#define RETURN_IF_NULL(p) if ((p) == NULL) { return STATUS_INSUFFICIENT_RESOURCES; }
#define FOR_EACH_SLOT(i, n) for ((i) = 0; (i) < (n); (i)++)

typedef struct _SLOT { PIRP Irp; PVOID Buffer; } SLOT;

static NTSTATUS AllocateSlot(SLOT *Slot)
{
    Slot->Irp = IoAllocateIrp(1, FALSE);
    RETURN_IF_NULL(Slot->Irp);
    Slot->Buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 2048, 'tolS');
    if (Slot->Buffer == NULL) {
        IoFreeIrp(Slot->Irp);
        Slot->Irp = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

static VOID FreeSlot(SLOT *Slot)
{
    if (Slot->Buffer) ExFreePoolWithTag(Slot->Buffer, 'tolS');
    if (Slot->Irp) IoFreeIrp(Slot->Irp);
}

NTSTATUS AllocateSlots(SLOT *Slots, ULONG Count, ULONG Mode)
{
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i;

    switch (Mode) {
    case 0:
        Count = 1;
        /* fall through */
    case 1:
        break;
    default:
        return STATUS_INVALID_PARAMETER;
    }
    FOR_EACH_SLOT(i, Count) {
        GOTO_IF_NOT_NT_SUCCESS(Cleanup, status, AllocateSlot(&Slots[i]));
    }
    for (;;) {
        if (Count-- == 0) break;
    }
    i = 0;
    do {
        i++;
    } while (i < 3);
    return STATUS_SUCCESS;

Cleanup:
    while (i-- > 0) {
        FreeSlot(&Slots[i]);
    }
    return status;
}
