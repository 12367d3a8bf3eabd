/* Trap: the WSK sample's way: IPV6_V6ONLY cleared before binding the IPv6 wildcard listener, which then
   serves IPv4 clients too; SO_EXCLUSIVEADDRUSE protects the port. */
#include <ntddk.h>
#include <wsk.h>

SOCKADDR_IN6 g_Listen = { AF_INET6, 0x479C, 0, IN6ADDR_ANY_INIT, 0 };

static NTSTATUS Wait(PIRP Irp, PKEVENT Done, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS Listen(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PWSK_SOCKET *Out)
{
    ULONG off = 0, on = 1;
    PWSK_SOCKET s;
    PWSK_PROVIDER_LISTEN_DISPATCH d;
    NTSTATUS status = Wait(Irp, Done, Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                                               WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                               Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    *Out = s;
    d = (PWSK_PROVIDER_LISTEN_DISPATCH)s->Dispatch;
    status = Wait(Irp, Done, d->WskControlSocket(s, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, sizeof(off), &off, 0,
                                                 NULL, NULL, Irp));
    if (NT_SUCCESS(status)) {
        status = Wait(Irp, Done, d->WskControlSocket(s, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof(on),
                                                     &on, 0, NULL, NULL, Irp));
    }
    if (NT_SUCCESS(status)) {
        status = Wait(Irp, Done, d->WskBind(s, (PSOCKADDR)&g_Listen, 0, Irp));
    }
    return status;
}
