/* Locks the pages of an MDL that pool.c built for non-paged pool, as if it described pageable memory. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TX_SLOT {
    PWSK_SOCKET Socket;
    PMDL Mdl;
    WSK_BUF Buffer;
} TX_SLOT, *PTX_SLOT;

PMDL PoolDescribe(PVOID Block, ULONG Length);

NTSTATUS SlotPrepare(PTX_SLOT Slot, PVOID Block, ULONG Length)
{
    PMDL mdl = PoolDescribe(Block, Length);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoReadAccess);  // expect: WSK016 "which MmBuildMdlForNonPagedPool built"
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return STATUS_ACCESS_VIOLATION;
    }
    Slot->Mdl = mdl;
    Slot->Buffer.Mdl = mdl;
    Slot->Buffer.Offset = 0;
    Slot->Buffer.Length = Length;
    return STATUS_SUCCESS;
}
