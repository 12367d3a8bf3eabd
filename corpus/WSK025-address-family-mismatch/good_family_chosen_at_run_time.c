/* Trap: one socket per family, the family taken from the address it will be bound to (as wireguard-nt
   does): the address always matches, whichever family it is. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _EP { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } EP, *PEP;

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

static NTSTATUS EpOpen(PWSK_PROVIDER_NPI Npi, PEP e, PSOCKADDR Local)
{
    NTSTATUS status;
    Arm(e->Irp, &e->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, Local->sa_family, SOCK_DGRAM, IPPROTO_UDP,
                                      WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      e->Irp);
    Wait(e->Irp, &e->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    e->Socket = (PWSK_SOCKET)e->Irp->IoStatus.Information;
    Arm(e->Irp, &e->Done);
    status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)e->Socket->Dispatch)->WskBind(e->Socket, Local, 0, e->Irp);
    Wait(e->Irp, &e->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(e->Irp, &e->Done);
        status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)e->Socket->Dispatch)->WskGetLocalAddress(e->Socket, Local,
                                                                                          e->Irp);
        Wait(e->Irp, &e->Done, &status);
    }
    return status;
}

NTSTATUS EpOpenBoth(PWSK_PROVIDER_NPI Npi, PEP V4, PEP V6, USHORT Port)
{
    SOCKADDR_IN sa4 = { AF_INET, 0, { 0 } };
    SOCKADDR_IN6 sa6 = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    NTSTATUS status;
    sa4.sin_port = Port;
    sa6.sin6_port = Port;
    status = EpOpen(Npi, V4, (PSOCKADDR)&sa4);
    if (NT_SUCCESS(status)) {
        status = EpOpen(Npi, V6, (PSOCKADDR)&sa6);
    }
    return status;
}
