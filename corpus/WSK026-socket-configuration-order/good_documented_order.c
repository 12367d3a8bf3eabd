/* The documented order: WskSocket -> pre-bind options -> WskBind -> callbacks; and for a client:
   WskBind -> WskConnect -> callbacks, backlog query, data. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

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

static NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK s, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol,
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

static NTSTATUS SockOption(PSOCK s, ULONG Level, ULONG Code, ULONG Value)
{
    ULONG v = Value;
    NTSTATUS status;
    SockArm(s);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch)->WskControlSocket(
        s->Socket, WskSetOption, Code, Level, sizeof(v), &v, 0, NULL, NULL, s->Irp);
    SockWait(s, &status);
    return status;
}

static NTSTATUS SockBind(PSOCK s, PSOCKADDR Local)
{
    NTSTATUS status;
    SockArm(s);
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Socket->Dispatch)->WskBind(s->Socket, Local, 0, s->Irp);
    SockWait(s, &status);
    return status;
}

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

static NTSTATUS SockEvents(PSOCK s, ULONG Mask)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = Mask;
    return ((PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch)->WskControlSocket(
        s->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
}

NTSTATUS ServeOn(PWSK_PROVIDER_NPI Npi, PSOCK s, USHORT Port)
{
    SOCKADDR_IN6 any = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    NTSTATUS status = SockOpen(Npi, s, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    any.sin6_port = RtlUshortByteSwap(Port);
    status = SockOption(s, IPPROTO_IPV6, IPV6_V6ONLY, 0);
    if (NT_SUCCESS(status)) {
        status = SockOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
    }
    if (NT_SUCCESS(status)) {
        status = SockBind(s, (PSOCKADDR)&any);
    }
    if (NT_SUCCESS(status)) {
        status = SockEvents(s, WSK_EVENT_ACCEPT);
    }
    return status;
}

NTSTATUS Fetch(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PSOCKADDR_IN Peer, PWSK_BUF Request)
{
    SOCKADDR_IN local = { AF_INET };
    SIZE_T backlog = 0;
    PWSK_SOCKET c = NULL;
    PWSK_PROVIDER_CONNECTION_DISPATCH d;
    WSK_EVENT_CALLBACK_CONTROL cc = { &NPI_WSK_INTERFACE_ID, WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT };
    NTSTATUS status;
    Arm(Irp, Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                      WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    c = (PWSK_SOCKET)Irp->IoStatus.Information;
    d = (PWSK_PROVIDER_CONNECTION_DISPATCH)c->Dispatch;
    Arm(Irp, Done);
    status = d->WskBind(c, (PSOCKADDR)&local, 0, Irp);
    Wait(Irp, Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(Irp, Done);
        status = d->WskConnect(c, (PSOCKADDR)Peer, 0, Irp);
        Wait(Irp, Done, &status);
    }
    if (NT_SUCCESS(status)) {
        d->WskControlSocket(c, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
        Arm(Irp, Done);
        status = d->WskControlSocket(c, WskIoctl, SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, 0, 0, NULL, sizeof(backlog),
                                     &backlog, NULL, Irp);
        Wait(Irp, Done, &status);
    }
    if (NT_SUCCESS(status)) {
        Arm(Irp, Done);
        status = d->WskSend(c, Request, 0, Irp);
        Wait(Irp, Done, &status);
    }
    if (NT_SUCCESS(status)) {
        Arm(Irp, Done);
        status = d->WskDisconnect(c, NULL, 0, Irp);
        Wait(Irp, Done, &status);
    }
    {
        NTSTATUS closed;
        Arm(Irp, Done);
        closed = d->WskCloseSocket(c, Irp);
        Wait(Irp, Done, &closed);
    }
    return status;
}
