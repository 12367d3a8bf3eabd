/* __try/__except/__finally/__leave around MmProbeAndLockPages. */
#include <ntddk.h>

NTSTATUS LockUserBuffer(PVOID UserBuffer, ULONG Length, PMDL *MdlOut)
{
    PMDL mdl = IoAllocateMdl(UserBuffer, Length, FALSE, FALSE, NULL);
    NTSTATUS status = STATUS_SUCCESS;

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
        IoFreeMdl(mdl);
        return status;
    }
    *MdlOut = mdl;
    return status;
}

VOID CountWithFinally(PLONG Counter, BOOLEAN Stop)
{
    __try {
        InterlockedIncrement(Counter);
        if (Stop) {
            __leave;
        }
        InterlockedIncrement(Counter);
    } __finally {
        InterlockedDecrement(Counter);
    }
}
