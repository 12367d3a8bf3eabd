/* Trap: the wildcard port comes from configuration, so whether an IPv4 companion socket covers it cannot
   be told; no finding. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SVC { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; USHORT Port; } SVC, *PSVC;

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

NTSTATUS SvcStart(PWSK_PROVIDER_NPI Npi, PSVC s)
{
    SOCKADDR_IN6 any = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    ULONG on = 1;
    PWSK_PROVIDER_DATAGRAM_DISPATCH d;
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
                                      WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s->Socket = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    d = (PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Socket->Dispatch;
    any.sin6_port = RtlUshortByteSwap(s->Port);
    Arm(s->Irp, &s->Done);
    status = d->WskControlSocket(s->Socket, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof(on), &on,
                                 0, NULL, NULL, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(s->Irp, &s->Done);
        status = d->WskBind(s->Socket, (PSOCKADDR)&any, 0, s->Irp);
        Wait(s->Irp, &s->Done, &status);
    }
    return status;
}
