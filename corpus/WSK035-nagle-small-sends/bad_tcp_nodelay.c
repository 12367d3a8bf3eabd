/* Turns Nagle off for a socket that streams log batches. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LogStreamConfigure(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Socket->Dispatch;
    ULONG on = 1;
    return conn->Basic.WskControlSocket(Socket, WskSetOption, TCP_NODELAY, IPPROTO_TCP,  // expect: WSK035 "TCP_NODELAY is set"
                                        sizeof(on), &on, 0, NULL, NULL, Irp);
}

NTSTATUS LogStreamSend(PWSK_SOCKET Socket, PWSK_BUF Batch, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Socket->Dispatch;
    return conn->WskSend(Socket, Batch, 0, Irp);
}
