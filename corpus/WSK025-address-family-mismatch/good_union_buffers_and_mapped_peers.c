/* Trap: SOCKADDR_INET and SOCKADDR_STORAGE fit either family; IPv4 peers of a dual-stack socket (IPV6_V6ONLY
   cleared) are given as v4-mapped SOCKADDR_IN6. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _UDP { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } UDP, *PUDP;

static NTSTATUS UdpWait(PUDP u, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&u->Done, Executive, KernelMode, FALSE, NULL);
        status = u->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS UdpEcho(PWSK_PROVIDER_NPI Npi, PUDP u, PWSK_BUF Buffer, const IN_ADDR *PeerV4)
{
    SOCKADDR_INET from;
    SOCKADDR_STORAGE local;
    SOCKADDR_IN6 to;
    SCOPE_ID scope = SCOPEID_UNSPECIFIED_INIT;
    ULONG off = 0;
    PWSK_PROVIDER_DATAGRAM_DISPATCH dg;
    NTSTATUS status = UdpWait(u, Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
                                                          WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                          u->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    u->Socket = (PWSK_SOCKET)u->Irp->IoStatus.Information;
    dg = (PWSK_PROVIDER_DATAGRAM_DISPATCH)u->Socket->Dispatch;
    status = UdpWait(u, dg->WskControlSocket(u->Socket, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, sizeof(off), &off, 0,
                                             NULL, NULL, u->Irp));
    if (NT_SUCCESS(status)) {
        status = UdpWait(u, dg->WskGetLocalAddress(u->Socket, (PSOCKADDR)&local, u->Irp));
    }
    if (NT_SUCCESS(status)) {
        status = UdpWait(u, dg->WskReceiveFrom(u->Socket, Buffer, 0, (PSOCKADDR)&from, NULL, NULL, NULL, u->Irp));
    }
    if (NT_SUCCESS(status)) {
        IN6ADDR_SETV4MAPPED(&to, PeerV4, scope, RtlUshortByteSwap(7));
        status = UdpWait(u, dg->WskSendTo(u->Socket, Buffer, 0, (PSOCKADDR)&to, 0, NULL, u->Irp));
    }
    return status;
}
