/* Uploads a capture buffer through the socket layer, one 64 KB slice at a time. */
#include <ntddk.h>
#include <wsk.h>
#include "sockapi.h"

#define SLICE (64 * 1024)

NTSTATUS UploadCapture(PSOCKAPI_CONN C, PMDL Capture, ULONG Size)
{
    WSK_BUF slice;
    NTSTATUS status = STATUS_SUCCESS;

    slice.Mdl = Capture;
    slice.Offset = 0;
    while (slice.Offset < Size) {
        slice.Length = min(SLICE, Size - (ULONG)slice.Offset);
        status = SockApiSend(C, &slice);  // expect: WSK034
        if (!NT_SUCCESS(status)) {
            break;
        }
        slice.Offset += slice.Length;
    }
    return status;
}

NTSTATUS DrainAcks(PSOCKAPI_CONN C, PWSK_BUF Scratch, ULONG Count)
{
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i;

    for (i = 0; i < Count && NT_SUCCESS(status); i++) {
        status = SockApiReceive(C, Scratch);  // expect: WSK036 "one receive in flight"
    }
    return status;
}
