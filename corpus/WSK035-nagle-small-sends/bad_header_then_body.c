/* A record protocol that sends an 8-byte header and then the payload as two sends. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RECORD_HEADER {
    ULONG Type;
    ULONG Length;
} RECORD_HEADER;

typedef struct _RECORD_LINK {
    PWSK_SOCKET Socket;
    PIRP HeaderIrp;
    PIRP BodyIrp;
    PMDL HeaderMdl;
} RECORD_LINK, *PRECORD_LINK;

NTSTATUS SendRecord(PRECORD_LINK L, PMDL Body, ULONG BodyLength)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = L->Socket->Dispatch;
    WSK_BUF hdr = { L->HeaderMdl, 0, sizeof(RECORD_HEADER) };
    WSK_BUF body;
    NTSTATUS st;

    body.Mdl = Body;
    body.Offset = 0;
    body.Length = BodyLength;
    st = conn->WskSend(L->Socket, &hdr, 0, L->HeaderIrp);  // expect: WSK035 "This 8-byte send"
    if (!NT_SUCCESS(st)) {
        return st;
    }
    return conn->WskSend(L->Socket, &body, 0, L->BodyIrp);
}
