/* Builds MDLs for a buffer pool. */
#include <ntddk.h>
#include <wsk.h>

PMDL PoolDescribe(PVOID Block, ULONG Length)
{
    PMDL mdl = IoAllocateMdl(Block, Length, FALSE, FALSE, NULL);
    if (mdl != NULL) {
        MmBuildMdlForNonPagedPool(mdl);
    }
    return mdl;
}
