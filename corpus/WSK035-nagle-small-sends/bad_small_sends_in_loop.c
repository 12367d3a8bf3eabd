/* Streams a table as one 16-byte send per row. */
#include <ntddk.h>
#include <wsk.h>

#define ROW_SIZE 16

typedef struct _ROW_SENDER {
    PWSK_SOCKET Socket;
    PIRP *Irps;
    WSK_BUF *Rows;
} ROW_SENDER, *PROW_SENDER;

VOID SendRows(PROW_SENDER S, PMDL Table, ULONG Count)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH conn = (PWSK_PROVIDER_CONNECTION_DISPATCH)S->Socket->Dispatch;
    WSK_BUF row;
    ULONG i;

    row.Mdl = Table;
    row.Length = ROW_SIZE;
    for (i = 0; i < Count; i++) {
        row.Offset = i * ROW_SIZE;
        conn->WskSend(S->Socket, &row, 0, S->Irps[i]);  // expect: WSK035 "16-byte send"
    }
}
