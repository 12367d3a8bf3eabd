/* The bind helper takes any SOCKADDR; the caller hands it an IPv4 wildcard for an IPv6 listener. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SRV { PWSK_SOCKET Listener; PIRP Irp; KEVENT Done; } SRV, *PSRV;

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

static NTSTATUS SrvBind(PSRV s, PSOCKADDR Local)
{
    NTSTATUS result;
    Arm(s->Irp, &s->Done);
    result = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Listener->Dispatch)->WskBind(s->Listener, Local, 0, s->Irp);
    Wait(s->Irp, &s->Done, &result);
    return result;
}

NTSTATUS SrvStart(PWSK_PROVIDER_NPI Npi, PSRV s)
{
    SOCKADDR_IN any = { AF_INET, 0, { 0 } };
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                      WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s->Listener = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    return SrvBind(s, (PSOCKADDR)&any); // expect: WSK025 "WskBind is given an AF_INET address (SOCKADDR_IN 'any') on an AF_INET6 socket"
}
