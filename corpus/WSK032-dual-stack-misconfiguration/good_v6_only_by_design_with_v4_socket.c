/* Trap: one socket per family, the IPv6 one explicitly IPv6-only (as wireguard-nt does), both wildcards on
   one port. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LST { PIRP Irp; KEVENT Done; } LST, *PLST;

static IO_COMPLETION_ROUTINE Signal;

static NTSTATUS Signal(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID Arm(PIRP Irp, PKEVENT Done)
{
    KeClearEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, Signal, Done, TRUE, TRUE, TRUE);
}

static VOID Wait(PIRP Irp, PKEVENT Done, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        *Status = Irp->IoStatus.Status;
    }
}

static NTSTATUS LstOpen(PWSK_PROVIDER_NPI Npi, PLST l, ADDRESS_FAMILY Family, PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(l->Irp, &l->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, Family, SOCK_DGRAM, IPPROTO_UDP,
                                      WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      l->Irp);
    Wait(l->Irp, &l->Done, &status);
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)l->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS LstSet(PLST l, PWSK_SOCKET s, ULONG Level, ULONG Code, ULONG Value)
{
    NTSTATUS result;
    Arm(l->Irp, &l->Done);
    result = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Dispatch)->WskControlSocket(
        s, WskSetOption, Code, Level, sizeof(Value), &Value, 0, NULL, NULL, l->Irp);
    Wait(l->Irp, &l->Done, &result);
    return result;
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
        Arm(l->Irp, &l->Done);
        status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)(*V4)->Dispatch)->WskBind(*V4, (PSOCKADDR)&any4, 0,
                                                                            l->Irp);
        Wait(l->Irp, &l->Done, &status);
    }
    if (NT_SUCCESS(status)) {
        status = LstOpen(Npi, l, AF_INET6, V6);
    }
    if (NT_SUCCESS(status)) {
        LstSet(l, *V6, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
        LstSet(l, *V6, IPPROTO_IPV6, IPV6_V6ONLY, 1);
        Arm(l->Irp, &l->Done);
        status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)(*V6)->Dispatch)->WskBind(*V6, (PSOCKADDR)&any6, 0,
                                                                            l->Irp);
        Wait(l->Irp, &l->Done, &status);
    }
    return status;
}
