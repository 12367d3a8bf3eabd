/* WAITALL together with DRAIN, DRAIN into a real buffer, and two socket categories at once. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS Drain(PWSK_SOCKET Socket, PMDL Mdl, PIRP Irp)
{
    WSK_BUF buf;
    buf.Mdl = Mdl;
    buf.Offset = 0;
    buf.Length = 4096;
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskReceive(Socket, &buf,
                                                                           WSK_FLAG_DRAIN, // expect: WSK038 "WSK_BUF of length 4096"
                                                                           Irp);
}

NTSTATUS ReadAll(PWSK_SOCKET Socket, PWSK_BUF Buffer, PIRP Irp)
{
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskReceive(Socket, Buffer,
                                                                           WSK_FLAG_WAITALL | WSK_FLAG_DRAIN, // expect: WSK038 "combines WSK_FLAG_WAITALL with WSK_FLAG_DRAIN"
                                                                           Irp);
}

NTSTATUS OpenEither(PWSK_PROVIDER_NPI Npi, PIRP Irp)
{
    return Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                    WSK_FLAG_LISTEN_SOCKET | WSK_FLAG_CONNECTION_SOCKET, // expect: WSK038 "WSK_FLAG_LISTEN_SOCKET and WSK_FLAG_CONNECTION_SOCKET"
                                    NULL, NULL, NULL, NULL, NULL, Irp);
}
