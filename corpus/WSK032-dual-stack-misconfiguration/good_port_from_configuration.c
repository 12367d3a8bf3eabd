/* Trap: the wildcard port comes from configuration, so whether an IPv4 companion socket covers it cannot
   be told; no finding. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SVC { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; USHORT Port; } SVC, *PSVC;

static NTSTATUS SvcWait(PSVC s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS SvcStart(PWSK_PROVIDER_NPI Npi, PSVC s)
{
    SOCKADDR_IN6 any = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    ULONG on = 1;
    PWSK_PROVIDER_DATAGRAM_DISPATCH d;
    NTSTATUS status = SvcWait(s, Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
                                                          WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                          s->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s->Socket = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    d = (PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Socket->Dispatch;
    any.sin6_port = RtlUshortByteSwap(s->Port);
    status = SvcWait(s, d->WskControlSocket(s->Socket, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof(on), &on,
                                            0, NULL, NULL, s->Irp));
    if (NT_SUCCESS(status)) {
        status = SvcWait(s, d->WskBind(s->Socket, (PSOCKADDR)&any, 0, s->Irp));
    }
    return status;
}
