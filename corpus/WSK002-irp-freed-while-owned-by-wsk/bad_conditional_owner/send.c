/* Every send runs asynchronously -- callers without their own block get a shared default one -- so the
   completion routine always frees the context. After an inline success the IRP is already gone. */
#include <ntddk.h>
#include <wsk.h>
#include "context.h"

static REQ_ASYNC DefaultAsync;

NTSTATUS SendAsync(PWSK_SOCKET Socket, PWSK_BUF Buffer, PREQ_ASYNC Async, PSIZE_T Sent)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    PREQ_CTX req;
    NTSTATUS status;

    if (Async == NULL) {
        Async = &DefaultAsync;
    }
    req = ReqAlloc(Async);
    if (req == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = dispatch->WskSend(Socket, Buffer, 0, req->Irp);
    if (status == STATUS_SUCCESS) {
        *Sent = req->Irp->IoStatus.Information;  // expect: WSK002 "ReqComplete frees it when the request completes"
    }
    return status;
}
