/* WskSocketConnect binds and connects in one step: SO_REUSEADDR afterwards is too late. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LINK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } LINK, *PLINK;

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

NTSTATUS LinkUp(PWSK_PROVIDER_NPI Npi, PLINK l, PSOCKADDR Local, PSOCKADDR Remote)
{
    ULONG on = 1;
    NTSTATUS status;
    Arm(l->Irp, &l->Done);
    status = Npi->Dispatch->WskSocketConnect(Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local,
                                             Remote, 0, l, NULL, NULL, NULL, NULL, l->Irp);
    Wait(l->Irp, &l->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    l->Socket = (PWSK_SOCKET)l->Irp->IoStatus.Information;
    NTSTATUS result;
    Arm(l->Irp, &l->Done);
    result = ((PWSK_PROVIDER_CONNECTION_DISPATCH)l->Socket->Dispatch)->WskControlSocket( // expect: WSK026 "SO_REUSEADDR is set on a socket that WskSocketConnect already bound and connected"
        l->Socket, WskSetOption, SO_REUSEADDR, SOL_SOCKET, sizeof(on), &on, 0, NULL, NULL, l->Irp);
    Wait(l->Irp, &l->Done, &result);
    return result;
}
