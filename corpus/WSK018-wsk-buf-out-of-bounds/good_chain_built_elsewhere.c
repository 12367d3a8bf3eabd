/* The MDL chain comes from elsewhere: lengths the function cannot know are not judged. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS SendChain(PWSK_SOCKET Socket, PMDL Chain, ULONG Offset, SIZE_T Length, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF buf;

    buf.Mdl = Chain;
    buf.Offset = Offset;
    buf.Length = Length;
    return dispatch->WskSend(Socket, &buf, 0, Irp);
}
