/* The WSK_BUF lives in the request context; its length was set for a bigger buffer than the MDL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _REQUEST {
    PWSK_SOCKET Socket;
    UCHAR Storage[512];
    WSK_BUF Buffer;
} REQUEST, *PREQUEST;

static NTSTATUS RequestSend(PREQUEST Req, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Req->Socket->Dispatch;
    return dispatch->WskSend(Req->Socket, &Req->Buffer, 0, Irp);
}

NTSTATUS RequestStart(PREQUEST Req, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Req->Socket->Dispatch;
    PMDL mdl = IoAllocateMdl(Req->Storage, sizeof(Req->Storage), FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);
    Req->Buffer.Mdl = mdl;
    Req->Buffer.Offset = 0;
    Req->Buffer.Length = 1024;
    return dispatch->WskSend(Req->Socket, &Req->Buffer, 0, Irp);  // expect: WSK018 "exceeds the 512 bytes"
}
