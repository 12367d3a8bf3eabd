/* The exception path of MmProbeAndLockPages unlocks pages that were never locked. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LockReceiveBuffer(PVOID Data, ULONG Length, PMDL *Out)
{
    PMDL mdl = IoAllocateMdl(Data, Length, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        MmUnlockPages(mdl);  // expect: WSK017 "not locked on this path"
        IoFreeMdl(mdl);
        return STATUS_ACCESS_VIOLATION;
    }
    *Out = mdl;
    return STATUS_SUCCESS;
}
