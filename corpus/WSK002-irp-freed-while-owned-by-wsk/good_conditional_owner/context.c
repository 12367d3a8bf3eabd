/* Request contexts: the completion routine frees the context (and its IRP) when the caller asked for
   asynchronous completion (an OVERLAPPED-like block), and only signals otherwise. */
#include <ntddk.h>
#include <wsk.h>
#include "context.h"

IO_COMPLETION_ROUTINE ReqComplete;

NTSTATUS ReqComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PREQ_CTX req = (PREQ_CTX)Context;
    PREQ_ASYNC async;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (req == NULL) {
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    async = req->Async;
    if (async != NULL) {
        async->Status = Irp->IoStatus.Status;
        async->Bytes = Irp->IoStatus.Information;
        KeSetEvent(&async->Done, IO_NO_INCREMENT, FALSE);
        ReqFree(req);
    } else {
        KeSetEvent(&req->Event, IO_NO_INCREMENT, FALSE);
    }
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID ReqFree(PREQ_CTX Req)
{
    if (Req->Irp != NULL) {
        IoFreeIrp(Req->Irp);
    }
    ExFreePoolWithTag(Req, 'qeR ');
}

PREQ_CTX ReqAlloc(PREQ_ASYNC Async)
{
    PREQ_CTX req = (PREQ_CTX)ExAllocatePoolZero(NonPagedPoolNx, sizeof(REQ_CTX), 'qeR ');

    if (req == NULL) {
        return NULL;
    }
    req->Async = Async;
    KeInitializeEvent(&req->Event, SynchronizationEvent, FALSE);
    req->Irp = IoAllocateIrp(1, FALSE);
    if (req->Irp == NULL) {
        ExFreePoolWithTag(req, 'qeR ');
        return NULL;
    }
    IoSetCompletionRoutine(req->Irp, ReqComplete, req, TRUE, TRUE, TRUE);
    return req;
}
