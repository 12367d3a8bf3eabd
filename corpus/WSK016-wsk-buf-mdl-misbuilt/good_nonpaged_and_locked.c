/* Non-paged pool built with MmBuildMdlForNonPagedPool; a caller buffer locked inside __try. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TXBUF {
    PVOID Data;
    PMDL Mdl;
} TXBUF, *PTXBUF;

NTSTATUS TxBufInit(PTXBUF Tx, ULONG Length)
{
    Tx->Data = ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, 'fBxT');
    if (Tx->Data == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Tx->Mdl = IoAllocateMdl(Tx->Data, Length, FALSE, FALSE, NULL);
    if (Tx->Mdl == NULL) {
        ExFreePoolWithTag(Tx->Data, 'fBxT');
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(Tx->Mdl);
    return STATUS_SUCCESS;
}

NTSTATUS LockCallerBuffer(PVOID Buffer, ULONG Length, PMDL *Out)
{
    PMDL mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, NULL);

    if (!mdl) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }
    *Out = mdl;
    return STATUS_SUCCESS;
}
