/* A caller's buffer is probed and locked without __try/__except. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LockForSend(PVOID Buffer, ULONG Length, PMDL *Out)
{
    PMDL mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmProbeAndLockPages(mdl, KernelMode, IoReadAccess);  // expect: WSK016 "outside __try"
    *Out = mdl;
    return STATUS_SUCCESS;
}
