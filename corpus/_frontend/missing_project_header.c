/* The project header is absent: its types, constants and trace macros are synthesised so the WSK
   calls below still reach the analysis. */
#include <ntddk.h>
#include <wsk.h>
#include "netcore_private.h"

NTSTATUS NetcoreSend(PNETCORE_CONNECTION Conn, PNETCORE_BUFFER Buf)
{
    NETCORE_SEND_CONTEXT sendCtx;
    NTSTATUS status;

    NetcoreTrace(TRACE_LEVEL_VERBOSE, NETCORE_FLAG_SEND, "send %u bytes", Buf->Length);
    sendCtx.Connection = Conn;
    sendCtx.WskBuf.Mdl = Buf->Mdl;
    sendCtx.WskBuf.Offset = 0;
    sendCtx.WskBuf.Length = Buf->Length;
    IoReuseIrp(Conn->SendIrp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Conn->SendIrp, NetcoreSendComplete, &sendCtx, TRUE, TRUE, TRUE);
    status = Conn->Dispatch->WskSend(Conn->Socket, &sendCtx.WskBuf, NETCORE_SEND_FLAGS, Conn->SendIrp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&sendCtx.Done, Executive, KernelMode, FALSE, NULL);
        status = Conn->SendIrp->IoStatus.Status;
    }
    return status;
}
