/* The fixed remote address of an IPv4 datagram socket is given as a SOCKADDR_IN6. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _FLOW { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } FLOW, *PFLOW;

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

NTSTATUS FlowOpen(PWSK_PROVIDER_NPI Npi, PFLOW f, const SOCKADDR_IN6 *Peer)
{
    SOCKADDR_IN local = { AF_INET };
    SOCKADDR_IN6 remote = *Peer;
    PWSK_PROVIDER_DATAGRAM_DISPATCH d;
    NTSTATUS status;
    Arm(f->Irp, &f->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
                                      WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      f->Irp);
    Wait(f->Irp, &f->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    f->Socket = (PWSK_SOCKET)f->Irp->IoStatus.Information;
    d = (PWSK_PROVIDER_DATAGRAM_DISPATCH)f->Socket->Dispatch;
    Arm(f->Irp, &f->Done);
    status = d->WskBind(f->Socket, (PSOCKADDR)&local, 0, f->Irp);
    Wait(f->Irp, &f->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(f->Irp, &f->Done);
        status = d->WskControlSocket(f->Socket, WskIoctl, SIO_WSK_SET_REMOTE_ADDRESS, 0, sizeof(remote),
                                     &remote, // expect: WSK025 "SOCKADDR_IN6 'remote') on an AF_INET socket"
                                     0, NULL, NULL, f->Irp);
        Wait(f->Irp, &f->Done, &status);
    }
    return status;
}
