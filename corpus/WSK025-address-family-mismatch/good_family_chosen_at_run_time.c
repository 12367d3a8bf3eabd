/* Trap: one socket per family, the family taken from the address it will be bound to (as wireguard-nt
   does): the address always matches, whichever family it is. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _EP { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } EP, *PEP;

static NTSTATUS EpWait(PEP e, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&e->Done, Executive, KernelMode, FALSE, NULL);
        status = e->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS EpOpen(PWSK_PROVIDER_NPI Npi, PEP e, PSOCKADDR Local)
{
    NTSTATUS status = EpWait(e, Npi->Dispatch->WskSocket(Npi->Client, Local->sa_family, SOCK_DGRAM, IPPROTO_UDP,
                                                         WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                         e->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    e->Socket = (PWSK_SOCKET)e->Irp->IoStatus.Information;
    status = EpWait(e, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)e->Socket->Dispatch)->WskBind(e->Socket, Local, 0, e->Irp));
    if (NT_SUCCESS(status)) {
        status = EpWait(e, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)e->Socket->Dispatch)->WskGetLocalAddress(e->Socket, Local,
                                                                                                    e->Irp));
    }
    return status;
}

NTSTATUS EpOpenBoth(PWSK_PROVIDER_NPI Npi, PEP V4, PEP V6, USHORT Port)
{
    SOCKADDR_IN sa4 = { AF_INET, 0, { 0 } };
    SOCKADDR_IN6 sa6 = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    NTSTATUS status;
    sa4.sin_port = Port;
    sa6.sin6_port = Port;
    status = EpOpen(Npi, V4, (PSOCKADDR)&sa4);
    if (NT_SUCCESS(status)) {
        status = EpOpen(Npi, V6, (PSOCKADDR)&sa6);
    }
    return status;
}
