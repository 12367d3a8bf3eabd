/* The fixed remote address of an IPv4 datagram socket is given as a SOCKADDR_IN6. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _FLOW { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } FLOW, *PFLOW;

static NTSTATUS FlowWait(PFLOW f, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&f->Done, Executive, KernelMode, FALSE, NULL);
        status = f->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS FlowOpen(PWSK_PROVIDER_NPI Npi, PFLOW f, const SOCKADDR_IN6 *Peer)
{
    SOCKADDR_IN local = { AF_INET };
    SOCKADDR_IN6 remote = *Peer;
    PWSK_PROVIDER_DATAGRAM_DISPATCH d;
    NTSTATUS status = FlowWait(f, Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
                                                           WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                           f->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    f->Socket = (PWSK_SOCKET)f->Irp->IoStatus.Information;
    d = (PWSK_PROVIDER_DATAGRAM_DISPATCH)f->Socket->Dispatch;
    status = FlowWait(f, d->WskBind(f->Socket, (PSOCKADDR)&local, 0, f->Irp));
    if (NT_SUCCESS(status)) {
        status = FlowWait(f, d->WskControlSocket(f->Socket, WskIoctl, SIO_WSK_SET_REMOTE_ADDRESS, 0, sizeof(remote),
                                                 &remote, // expect: WSK025 "SOCKADDR_IN6 'remote') on an AF_INET socket"
                                                 0, NULL, NULL, f->Irp));
    }
    return status;
}
