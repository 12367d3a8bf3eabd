/* The IPv6 listener is made dual-stack and an IPv4 wildcard listener is opened on the same port too. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LST { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } LST, *PLST;

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
    NTSTATUS status = LstWait(l, Npi->Dispatch->WskSocket(Npi->Client, Family, SOCK_STREAM, IPPROTO_TCP,
                                                          WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                                          l->Irp));
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)l->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS LstSet(PLST l, PWSK_SOCKET s, ULONG Level, ULONG Code, ULONG Value)
{
    return LstWait(l, ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Dispatch)->WskControlSocket(
        s, WskSetOption, Code, Level, sizeof(Value), &Value, 0, NULL, NULL, l->Irp));
}

NTSTATUS StartBoth(PWSK_PROVIDER_NPI Npi, PLST l)
{
    SOCKADDR_IN6 any6 = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    SOCKADDR_IN any4 = { AF_INET, 0, { 0 } };
    PWSK_SOCKET v6 = NULL, v4 = NULL;
    NTSTATUS status;
    any6.sin6_port = RtlUshortByteSwap(7000);
    any4.sin_port = RtlUshortByteSwap(7000);
    status = LstOpen(Npi, l, AF_INET6, &v6);
    if (NT_SUCCESS(status)) {
        LstSet(l, v6, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
        LstSet(l, v6, IPPROTO_IPV6, IPV6_V6ONLY, 0);
        status = LstWait(l, ((PWSK_PROVIDER_LISTEN_DISPATCH)v6->Dispatch)->WskBind(v6, (PSOCKADDR)&any6, 0, l->Irp)); // expect: WSK032 "bound to wildcard port 7000, which an AF_INET wildcard socket also binds"
    }
    if (NT_SUCCESS(status)) {
        status = LstOpen(Npi, l, AF_INET, &v4);
    }
    if (NT_SUCCESS(status)) {
        LstSet(l, v4, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
        status = LstWait(l, ((PWSK_PROVIDER_LISTEN_DISPATCH)v4->Dispatch)->WskBind(v4, (PSOCKADDR)&any4, 0, l->Irp));
    }
    return status;
}
