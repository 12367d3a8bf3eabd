/* A latency-sensitive reply: a small header without the flag, and the last segment with
 * WSK_FLAG_NODELAY, so nothing waits for a delayed acknowledgement. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _REPLY_LINK {
    PWSK_SOCKET Socket;
    PIRP Irps[2];
    PMDL HeaderMdl;
} REPLY_LINK, *PREPLY_LINK;

NTSTATUS SendReply(PREPLY_LINK L, PWSK_BUF Body)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = L->Socket->Dispatch;
    WSK_BUF hdr = { L->HeaderMdl, 0, 6 };
    NTSTATUS st;

    st = conn->WskSend(L->Socket, &hdr, 0, L->Irps[0]);
    if (NT_SUCCESS(st)) {
        st = conn->WskSend(L->Socket, Body, WSK_FLAG_NODELAY, L->Irps[1]);
    }
    return st;
}
