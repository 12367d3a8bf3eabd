/* The header MDL is chained in front of the payload MDL and the record goes out in one send. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RECORD_OUT {
    PWSK_SOCKET Socket;
    PIRP Irp;
    PMDL HeaderMdl;
} RECORD_OUT, *PRECORD_OUT;

NTSTATUS SendRecordCoalesced(PRECORD_OUT R, PMDL Payload, ULONG PayloadLength, ULONG HeaderLength)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = R->Socket->Dispatch;
    WSK_BUF rec;

    R->HeaderMdl->Next = Payload;
    rec.Mdl = R->HeaderMdl;
    rec.Offset = 0;
    rec.Length = HeaderLength + PayloadLength;
    return conn->WskSend(R->Socket, &rec, 0, R->Irp);
}
