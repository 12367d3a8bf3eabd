/* Turns Nagle off for a socket that streams log batches. */
#include <ntddk.h>
#include <wsk.h>

static ULONG NoDelayOn = 1;

NTSTATUS LogStreamConfigure(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Socket->Dispatch;
    return conn->Basic.WskControlSocket(Socket, WskSetOption, TCP_NODELAY, IPPROTO_TCP,  // expect: WSK035 "TCP_NODELAY is set"
                                        sizeof(NoDelayOn), &NoDelayOn, 0, NULL, NULL, Irp);
}

NTSTATUS LogStreamSend(PWSK_SOCKET Socket, PWSK_BUF Batch, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Socket->Dispatch;
    return conn->WskSend(Socket, Batch, 0, Irp);
}
