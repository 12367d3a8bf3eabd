/* A control helper that always passes the client's IRP (and waits for it) ... */
#include "client.h"

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

NTSTATUS ClientControl(PCLIENT Client, ULONG Code, PVOID In, SIZE_T InSize)
{
    NTSTATUS status;
    Arm(Client->Irp, &Client->Done);
    status = Client->Npi.Dispatch->WskControlClient(Client->Npi.Client, Code, InSize, In, 0, NULL, NULL, Client->Irp);
    Wait(Client->Irp, &Client->Done, &status);
    return status;
}
