/* The bind helper takes any SOCKADDR; the caller hands it an IPv4 wildcard for an IPv6 listener. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SRV { PWSK_SOCKET Listener; PIRP Irp; KEVENT Done; } SRV, *PSRV;

static NTSTATUS SrvWait(PSRV s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS SrvBind(PSRV s, PSOCKADDR Local)
{
    return SrvWait(s, ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Listener->Dispatch)->WskBind(s->Listener, Local, 0, s->Irp));
}

NTSTATUS SrvStart(PWSK_PROVIDER_NPI Npi, PSRV s)
{
    SOCKADDR_IN any = { AF_INET, 0, { 0 } };
    NTSTATUS status = SrvWait(s, Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                                          WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                          s->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s->Listener = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    return SrvBind(s, (PSOCKADDR)&any); // expect: WSK025 "WskBind is given an AF_INET address (SOCKADDR_IN 'any') on an AF_INET6 socket"
}
