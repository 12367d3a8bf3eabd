/* Uploads one telemetry batch: connect, send, close. The close skips UpHangUp. */
#include <ntddk.h>
#include <wsk.h>
#include "uploader.h"

NTSTATUS UploadBatch(PUPLOADER U, PSOCKADDR Local, PSOCKADDR Remote, PWSK_BUF Batch)
{
    NTSTATUS st;

    st = UpConnect(U, Local, Remote);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = UpSend(U, Batch);
    UpClose(U);  // expect: WSK033
    return st;
}
