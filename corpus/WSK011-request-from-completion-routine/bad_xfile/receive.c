/* Starts a receive on a connection. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONNECTION {
    PWSK_SOCKET Socket;
    PIRP RecvIrp;
    WSK_BUF Buffer;
} CONNECTION, *PCONNECTION;

NTSTATUS StartFirstReceive(PVOID Connection)
{
    PCONNECTION c = (PCONNECTION)Connection;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = c->Socket->Dispatch;
    return dispatch->WskReceive(c->Socket, &c->Buffer, 0, c->RecvIrp);  // expect: WSK011
}
