#include "sock.h"
/* The socket helpers live in this file ... */

static IO_COMPLETION_ROUTINE SockDone;

static NTSTATUS SockDone(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID SockArm(PSOCK s)
{
    KeClearEvent(&s->Done);
    IoReuseIrp(s->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(s->Irp, SockDone, &s->Done, TRUE, TRUE, TRUE);
}

static VOID SockWait(PSOCK s, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        *Status = s->Irp->IoStatus.Status;
    }
}

NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK s, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol,
                         ULONG Flags)
{
    NTSTATUS status;
    SockArm(s);
    status = Npi->Dispatch->WskSocket(Npi->Client, Family, Type, Protocol, Flags, s, NULL, NULL, NULL, NULL, s->Irp);
    SockWait(s, &status);
    if (NT_SUCCESS(status)) {
        s->Socket = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

NTSTATUS SockOption(PSOCK s, ULONG Level, ULONG Code, ULONG Value)
{
    ULONG v = Value;
    NTSTATUS status;
    SockArm(s);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch)->WskControlSocket(
        s->Socket, WskSetOption, Code, Level, sizeof(v), &v, 0, NULL, NULL, s->Irp);
    SockWait(s, &status);
    return status;
}

NTSTATUS SockBind(PSOCK s, PSOCKADDR Local)
{
    NTSTATUS status;
    SockArm(s);
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Socket->Dispatch)->WskBind(s->Socket, Local, 0, s->Irp);
    SockWait(s, &status);
    return status;
}
