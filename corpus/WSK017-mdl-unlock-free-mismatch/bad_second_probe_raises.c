/* Two buffers are locked in one __try. When the second probe raises, the first MDL's pages are
 * locked, and the handler frees it without unlocking them. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS PinHeaderAndBody(PVOID Hdr, ULONG HdrLen, PVOID Body, ULONG BodyLen, PMDL *OutHdr, PMDL *OutBody)
{
    PMDL hdr = IoAllocateMdl(Hdr, HdrLen, FALSE, FALSE, NULL);
    PMDL body;

    if (hdr == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    body = IoAllocateMdl(Body, BodyLen, FALSE, FALSE, NULL);
    if (body == NULL) {
        IoFreeMdl(hdr);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(hdr, UserMode, IoReadAccess);
        MmProbeAndLockPages(body, UserMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(hdr);  // expect: WSK017 "locked"
        IoFreeMdl(body);
        return GetExceptionCode();
    }
    hdr->Next = body;
    *OutHdr = hdr;
    *OutBody = body;
    return STATUS_SUCCESS;
}
