/* Callers without an asynchronous block get a synchronous send: the completion routine only signals
   then, and the caller reads and frees the request after waiting. With a block, the caller leaves the
   request alone after submitting it. */
#include <ntddk.h>
#include <wsk.h>
#include "context.h"

NTSTATUS SendMaybeAsync(PWSK_SOCKET Socket, PWSK_BUF Buffer, PREQ_ASYNC Async, PSIZE_T Sent)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    PREQ_CTX req = ReqAlloc(Async);
    NTSTATUS status;

    if (req == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = dispatch->WskSend(Socket, Buffer, 0, req->Irp);
    if (Async == NULL) {
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(&req->Event, Executive, KernelMode, FALSE, NULL);
            status = req->Irp->IoStatus.Status;
        }
        *Sent = req->Irp->IoStatus.Information;
        ReqFree(req);
    }
    return status;
}
