/* The documented order: WskSocket -> pre-bind options -> WskBind -> callbacks; and for a client:
   WskBind -> WskConnect -> callbacks, backlog query, data. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

static NTSTATUS SockWait(PSOCK s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK s, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol,
                         ULONG Flags)
{
    NTSTATUS status = SockWait(s, Npi->Dispatch->WskSocket(Npi->Client, Family, Type, Protocol, Flags, s, NULL,
                                                           NULL, NULL, NULL, s->Irp));
    if (NT_SUCCESS(status)) {
        s->Socket = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS SockOption(PSOCK s, ULONG Level, ULONG Code, ULONG Value)
{
    ULONG v = Value;
    return SockWait(s, ((PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch)->WskControlSocket(
        s->Socket, WskSetOption, Code, Level, sizeof(v), &v, 0, NULL, NULL, s->Irp));
}

static NTSTATUS SockBind(PSOCK s, PSOCKADDR Local)
{
    return SockWait(s, ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Socket->Dispatch)->WskBind(s->Socket, Local, 0, s->Irp));
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
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                               WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    c = (PWSK_SOCKET)Irp->IoStatus.Information;
    d = (PWSK_PROVIDER_CONNECTION_DISPATCH)c->Dispatch;
    status = d->WskBind(c, (PSOCKADDR)&local, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        status = d->WskConnect(c, (PSOCKADDR)Peer, 0, Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
            status = Irp->IoStatus.Status;
        }
    }
    if (NT_SUCCESS(status)) {
        d->WskControlSocket(c, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
        status = d->WskControlSocket(c, WskIoctl, SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, 0, 0, NULL, sizeof(backlog),
                                     &backlog, NULL, Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
            status = Irp->IoStatus.Status;
        }
    }
    if (NT_SUCCESS(status)) {
        status = d->WskSend(c, Request, 0, Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
            status = Irp->IoStatus.Status;
        }
    }
    if (NT_SUCCESS(status)) {
        status = d->WskDisconnect(c, NULL, 0, Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
            status = Irp->IoStatus.Status;
        }
    }
    d->WskCloseSocket(c, Irp);
    KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
    return status;
}
