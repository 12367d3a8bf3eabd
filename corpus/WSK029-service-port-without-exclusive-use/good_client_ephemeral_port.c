/* Trap: a client binds to port 0 (ephemeral) before connecting. */
#include <ntddk.h>
#include <wsk.h>

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

NTSTATUS Dial(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PSOCKADDR Peer)
{
    SOCKADDR_IN local = { AF_INET };
    PWSK_SOCKET s;
    NTSTATUS status;
    Arm(Irp, Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                      WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    Arm(Irp, Done);
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskBind(s, (PSOCKADDR)&local, 0, Irp);
    Wait(Irp, Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(Irp, Done);
        status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskConnect(s, Peer, 0, Irp);
        Wait(Irp, Done, &status);
    }
    return status;
}
