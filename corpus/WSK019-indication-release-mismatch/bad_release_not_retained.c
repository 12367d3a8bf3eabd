/* The datagram callback copies the data, releases the list through a helper, and returns STATUS_SUCCESS. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _UDP_CTX {
    PWSK_SOCKET Socket;
    ULONG64 Bytes;
} UDP_CTX, *PUDP_CTX;

static VOID DropList(PUDP_CTX Ctx, PWSK_DATAGRAM_INDICATION List)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Ctx->Socket->Dispatch;
    dispatch->WskRelease(Ctx->Socket, List);
}

NTSTATUS WSKAPI OnDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PUDP_CTX ctx = (PUDP_CTX)SocketContext;
    PWSK_DATAGRAM_INDICATION di;

    UNREFERENCED_PARAMETER(Flags);
    for (di = DataIndication; di != NULL; di = di->Next) {
        ctx->Bytes += di->Buffer.Length;
    }
    if (DataIndication != NULL) {
        DropList(ctx, DataIndication);  // expect: WSK019 "returns STATUS_SUCCESS"
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH UdpDispatch = { OnDatagrams };
