/* Teardown closes the socket and then keeps using it, directly and after a helper closed it. The
   caller supplies a fresh IRP for every request. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN {
    PWSK_SOCKET Socket;
    WSK_BUF Goodbye;
} CONN, *PCONN;

static VOID CloseConn(PCONN Conn, PIRP Irp)
{
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)Conn->Socket->Dispatch;
    basic->WskCloseSocket(Conn->Socket, Irp);
}

VOID Teardown(PCONN Conn, PIRP CloseIrp, PIRP DisconnectIrp)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch;
    dispatch->WskCloseSocket(Conn->Socket, CloseIrp);
    dispatch->WskDisconnect(Conn->Socket, NULL, WSK_FLAG_ABORTIVE, DisconnectIrp); // expect: WSK008 "calls WskDisconnect on it after WskCloseSocket closed Conn->Socket"
}

VOID SayGoodbye(PCONN Conn, PIRP CloseIrp, PIRP SendIrp)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch;
    CloseConn(Conn, CloseIrp);
    dispatch->WskSend(Conn->Socket, &Conn->Goodbye, 0, SendIrp); // expect: WSK008 "calls WskSend on it after WskCloseSocket"
}

VOID CloseTwice(PCONN Conn, PIRP FirstIrp, PIRP SecondIrp)
{
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)Conn->Socket->Dispatch;
    CloseConn(Conn, FirstIrp);
    basic->WskCloseSocket(Conn->Socket, SecondIrp); // expect: WSK008 "closes it again"
}
