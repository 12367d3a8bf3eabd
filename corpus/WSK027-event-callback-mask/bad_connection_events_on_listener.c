/* Receive and disconnect callbacks enabled on a listener (inherited by accepted sockets) cannot be
   disabled on the listener. */
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

NTSTATUS SrvOpen(PWSK_PROVIDER_NPI Npi, PSRV s)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                      WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (NT_SUCCESS(status)) {
        s->Listener = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

NTSTATUS SrvQuiesce(PSRV s)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE; // expect: WSK027 "WSK_EVENT_RECEIVE is disabled on a listening socket"
    return ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Listener->Dispatch)->WskControlSocket(
        s->Listener, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
}
