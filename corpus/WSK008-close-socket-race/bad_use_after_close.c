/* Teardown closes the socket and then keeps using it, directly and after a helper closed it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN {
    PWSK_SOCKET Socket;
    PIRP Irp;
    WSK_BUF Goodbye;
} CONN, *PCONN;

static VOID CloseConn(PCONN Conn)
{
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)Conn->Socket->Dispatch;
    IoReuseIrp(Conn->Irp, STATUS_UNSUCCESSFUL);
    basic->WskCloseSocket(Conn->Socket, Conn->Irp);
}

VOID Teardown(PCONN Conn)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch;
    dispatch->WskCloseSocket(Conn->Socket, Conn->Irp);
    dispatch->WskDisconnect(Conn->Socket, NULL, WSK_FLAG_ABORTIVE, Conn->Irp); // expect: WSK008 "calls WskDisconnect on it after WskCloseSocket closed Conn->Socket"
}

VOID SayGoodbye(PCONN Conn)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch;
    CloseConn(Conn);
    dispatch->WskSend(Conn->Socket, &Conn->Goodbye, 0, Conn->Irp); // expect: WSK008 "calls WskSend on it after WskCloseSocket"
}

VOID CloseTwice(PCONN Conn)
{
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)Conn->Socket->Dispatch;
    CloseConn(Conn);
    basic->WskCloseSocket(Conn->Socket, Conn->Irp); // expect: WSK008 "closes it again"
}
