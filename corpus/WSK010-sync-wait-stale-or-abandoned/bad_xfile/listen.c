/* Bind and listen on one request context, waiting only when a call pends. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _REQ {
    PIRP Irp;
    KEVENT Event;
} REQ, *PREQ;

VOID ReqPrepare(PREQ Req);

NTSTATUS BindAndListen(PWSK_SOCKET Socket, PSOCKADDR Local, PREQ Req)
{
    const WSK_PROVIDER_STREAM_DISPATCH *dispatch = Socket->Dispatch;
    NTSTATUS status;

    KeClearEvent(&Req->Event);
    ReqPrepare(Req);
    status = dispatch->WskBind(Socket, Local, 0, Req->Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Req->Event, Executive, KernelMode, FALSE, NULL);
        status = Req->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ReqPrepare(Req);
    status = dispatch->WskListen(Socket, Req->Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Req->Event, Executive, KernelMode, FALSE, NULL);  // expect: WSK010 "still be signalled"
        status = Req->Irp->IoStatus.Status;
    }
    return status;
}
