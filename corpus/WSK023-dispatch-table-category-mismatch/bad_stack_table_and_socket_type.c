/* The client table lives on the stack of the function that creates the socket, and a listening socket
   is asked for with SOCK_DGRAM. */
#include <ntddk.h>
#include <wsk.h>

static NTSTATUS WSKAPI OnDatagram(PVOID Context, ULONG Flags, PWSK_DATAGRAM_INDICATION Data)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Data);
    return STATUS_SUCCESS;
}

NTSTATUS OpenReceiver(PWSK_PROVIDER_NPI Npi, PVOID Context, PIRP Irp)
{
    WSK_CLIENT_DATAGRAM_DISPATCH events = { OnDatagram };
    return Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, Context,
                                    &events, // expect: WSK023 "client dispatch table 'events' is a local variable"
                                    NULL, NULL, NULL, Irp);
}

NTSTATUS OpenListener(PWSK_PROVIDER_NPI Npi, PIRP Irp)
{
    return Npi->Dispatch->WskSocket(Npi->Client, AF_INET,
                                    SOCK_DGRAM, // expect: WSK023 "listen socket is created with SocketType SOCK_DGRAM"
                                    IPPROTO_UDP, WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
}
