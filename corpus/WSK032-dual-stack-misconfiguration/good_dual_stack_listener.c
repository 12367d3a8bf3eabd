/* Trap: the WSK sample's way: IPV6_V6ONLY cleared before binding the IPv6 wildcard listener, which then
   serves IPv4 clients too; SO_EXCLUSIVEADDRUSE protects the port. */
#include <ntddk.h>
#include <wsk.h>

SOCKADDR_IN6 g_Listen = { AF_INET6, 0x479C, 0, IN6ADDR_ANY_INIT, 0 };

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

NTSTATUS Listen(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PWSK_SOCKET *Out)
{
    ULONG off = 0, on = 1;
    PWSK_SOCKET s;
    PWSK_PROVIDER_LISTEN_DISPATCH d;
    NTSTATUS status;
    Arm(Irp, Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, NULL,
                                      NULL, NULL, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    *Out = s;
    d = (PWSK_PROVIDER_LISTEN_DISPATCH)s->Dispatch;
    Arm(Irp, Done);
    status = d->WskControlSocket(s, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, sizeof(off), &off, 0, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(Irp, Done);
        status = d->WskControlSocket(s, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof(on), &on, 0, NULL, NULL,
                                     Irp);
        Wait(Irp, Done, &status);
    }
    if (NT_SUCCESS(status)) {
        Arm(Irp, Done);
        status = d->WskBind(s, (PSOCKADDR)&g_Listen, 0, Irp);
        Wait(Irp, Done, &status);
    }
    return status;
}
