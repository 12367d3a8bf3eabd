#include "sock.h"
/* The socket helpers live in this file ... */

NTSTATUS SockWait(PSOCK s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK s, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol,
                         ULONG Flags)
{
    NTSTATUS status = SockWait(s, Npi->Dispatch->WskSocket(Npi->Client, Family, Type, Protocol, Flags, s, NULL,
                                                           NULL, NULL, NULL, s->Irp));
    if (NT_SUCCESS(status)) {
        s->Socket = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

NTSTATUS SockOption(PSOCK s, ULONG Level, ULONG Code, ULONG Value)
{
    ULONG v = Value;
    return SockWait(s, ((PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch)->WskControlSocket(
        s->Socket, WskSetOption, Code, Level, sizeof(v), &v, 0, NULL, NULL, s->Irp));
}

NTSTATUS SockBind(PSOCK s, PSOCKADDR Local)
{
    return SockWait(s, ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Socket->Dispatch)->WskBind(s->Socket, Local, 0, s->Irp));
}
