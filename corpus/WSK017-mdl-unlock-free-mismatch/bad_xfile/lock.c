/* Locks a buffer for a request; the caller owns the MDL afterwards. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LockPages(PMDL Mdl)
{
    __try {
        MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return STATUS_ACCESS_VIOLATION;
    }
    return STATUS_SUCCESS;
}
