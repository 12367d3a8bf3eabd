/* Trap: one socket per family, the IPv6 one explicitly IPv6-only (as wireguard-nt does), both wildcards on
   one port. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LST { PIRP Irp; KEVENT Done; } LST, *PLST;

static NTSTATUS LstWait(PLST l, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&l->Done, Executive, KernelMode, FALSE, NULL);
        status = l->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS LstOpen(PWSK_PROVIDER_NPI Npi, PLST l, ADDRESS_FAMILY Family, PWSK_SOCKET *Out)
{
    NTSTATUS status = LstWait(l, Npi->Dispatch->WskSocket(Npi->Client, Family, SOCK_DGRAM, IPPROTO_UDP,
                                                          WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                          l->Irp));
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)l->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS LstSet(PLST l, PWSK_SOCKET s, ULONG Level, ULONG Code, ULONG Value)
{
    return LstWait(l, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Dispatch)->WskControlSocket(
        s, WskSetOption, Code, Level, sizeof(Value), &Value, 0, NULL, NULL, l->Irp));
}

NTSTATUS StartTunnel(PWSK_PROVIDER_NPI Npi, PLST l, PWSK_SOCKET *V4, PWSK_SOCKET *V6)
{
    SOCKADDR_IN6 any6 = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    SOCKADDR_IN any4 = { AF_INET, 0, { 0 } };
    NTSTATUS status;
    any6.sin6_port = RtlUshortByteSwap(51820);
    any4.sin_port = RtlUshortByteSwap(51820);
    status = LstOpen(Npi, l, AF_INET, V4);
    if (NT_SUCCESS(status)) {
        LstSet(l, *V4, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
        status = LstWait(l, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)(*V4)->Dispatch)->WskBind(*V4, (PSOCKADDR)&any4, 0,
                                                                                       l->Irp));
    }
    if (NT_SUCCESS(status)) {
        status = LstOpen(Npi, l, AF_INET6, V6);
    }
    if (NT_SUCCESS(status)) {
        LstSet(l, *V6, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
        LstSet(l, *V6, IPPROTO_IPV6, IPV6_V6ONLY, 1);
        status = LstWait(l, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)(*V6)->Dispatch)->WskBind(*V6, (PSOCKADDR)&any6, 0,
                                                                                       l->Irp));
    }
    return status;
}
