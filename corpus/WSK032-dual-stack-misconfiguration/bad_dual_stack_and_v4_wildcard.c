/* The IPv6 listener is made dual-stack and an IPv4 wildcard listener is opened on the same port too. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LST { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } LST, *PLST;

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
    status = Npi->Dispatch->WskSocket(Npi->Client, Family, SOCK_STREAM, IPPROTO_TCP,
                                      WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL,
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
    result = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Dispatch)->WskControlSocket(
        s, WskSetOption, Code, Level, sizeof(Value), &Value, 0, NULL, NULL, l->Irp);
    Wait(l->Irp, &l->Done, &result);
    return result;
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
        Arm(l->Irp, &l->Done);
        status = ((PWSK_PROVIDER_LISTEN_DISPATCH)v6->Dispatch)->WskBind(v6, (PSOCKADDR)&any6, 0, l->Irp); // expect: WSK032 "bound to wildcard port 7000, which an AF_INET wildcard socket also binds"
        Wait(l->Irp, &l->Done, &status);
    }
    if (NT_SUCCESS(status)) {
        status = LstOpen(Npi, l, AF_INET, &v4);
    }
    if (NT_SUCCESS(status)) {
        LstSet(l, v4, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
        Arm(l->Irp, &l->Done);
        status = ((PWSK_PROVIDER_LISTEN_DISPATCH)v4->Dispatch)->WskBind(v4, (PSOCKADDR)&any4, 0, l->Irp);
        Wait(l->Irp, &l->Done, &status);
    }
    return status;
}
