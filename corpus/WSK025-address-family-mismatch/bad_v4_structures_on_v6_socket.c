/* An AF_INET6 datagram socket is sent to with a SOCKADDR_IN and receives into one. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DNS { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } DNS, *PDNS;

static NTSTATUS DnsWait(PDNS d, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&d->Done, Executive, KernelMode, FALSE, NULL);
        status = d->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS DnsQuery(PWSK_PROVIDER_NPI Npi, PDNS d, PWSK_BUF Query, PWSK_BUF Answer, ULONG Server)
{
    SOCKADDR_IN to;
    SOCKADDR_IN from;
    PWSK_PROVIDER_DATAGRAM_DISPATCH dg;
    NTSTATUS status = DnsWait(d, Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
                                                          WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                          d->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    d->Socket = (PWSK_SOCKET)d->Irp->IoStatus.Information;
    dg = (PWSK_PROVIDER_DATAGRAM_DISPATCH)d->Socket->Dispatch;
    RtlZeroMemory(&to, sizeof(to));
    to.sin_family = AF_INET;
    to.sin_port = RtlUshortByteSwap(53);
    to.sin_addr.s_addr = Server;
    status = DnsWait(d, dg->WskSendTo(d->Socket, Query, 0, (PSOCKADDR)&to, 0, NULL, d->Irp)); // expect: WSK025 "WskSendTo is given an AF_INET address (SOCKADDR_IN 'to') on an AF_INET6 socket"
    if (NT_SUCCESS(status)) {
        status = DnsWait(d, dg->WskReceiveFrom(d->Socket, Answer, 0, (PSOCKADDR)&from, NULL, NULL, NULL, // expect: WSK025 "into an AF_INET address (SOCKADDR_IN 'from') of 16 bytes"
                                               d->Irp));
    }
    DnsWait(d, dg->WskCloseSocket(d->Socket, d->Irp));
    return status;
}
