/* Reserved flags passed non-zero, directly and through a send helper. */
#include <ntddk.h>
#include <wsk.h>

#define SEND_URGENT WSK_FLAG_NODELAY

static NTSTATUS SendDatagram(PWSK_SOCKET Socket, PWSK_BUF Buffer, ULONG Flags, PSOCKADDR To, PIRP Irp)
{
    return ((PWSK_PROVIDER_DATAGRAM_DISPATCH)Socket->Dispatch)->WskSendTo(Socket, Buffer, Flags, To, 0, NULL, Irp);
}

NTSTATUS Reply(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSOCKADDR To, PIRP Irp)
{
    return SendDatagram(Socket, Buffer, SEND_URGENT, To, Irp); // expect: WSK038 "reserved Flags of WskSendTo is 0x2"
}

NTSTATUS Attach(PWSK_SOCKET Socket, PSOCKADDR Local, PIRP Irp)
{
    return ((PWSK_PROVIDER_DATAGRAM_DISPATCH)Socket->Dispatch)->WskBind(Socket, Local,
                                                                        WSK_FLAG_NODELAY, // expect: WSK038 "WskBind"
                                                                        Irp);
}
