/* The send backlog is queried before the connection exists, the remote address of a datagram socket is
   fixed before it is bound, and a stream socket listens without a bind. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CTX { PIRP Irp; KEVENT Done; } CTX, *PCTX;

static NTSTATUS CtxWait(PCTX c, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&c->Done, Executive, KernelMode, FALSE, NULL);
        status = c->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS Open(PWSK_PROVIDER_NPI Npi, PCTX c, USHORT Type, ULONG Protocol, ULONG Flags, PWSK_SOCKET *Out)
{
    NTSTATUS status = CtxWait(c, Npi->Dispatch->WskSocket(Npi->Client, AF_INET, Type, Protocol, Flags, NULL, NULL,
                                                          NULL, NULL, NULL, c->Irp));
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)c->Irp->IoStatus.Information;
    }
    return status;
}

NTSTATUS SizeSends(PWSK_PROVIDER_NPI Npi, PCTX c, SIZE_T *Backlog)
{
    PWSK_SOCKET s;
    NTSTATUS status = Open(Npi, c, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return CtxWait(c, ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskControlSocket( // expect: WSK026 "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG is used on a connection socket before it is connected"
        s, WskIoctl, SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, 0, 0, NULL, sizeof(*Backlog), Backlog, NULL, c->Irp));
}

NTSTATUS Aim(PWSK_PROVIDER_NPI Npi, PCTX c, PSOCKADDR_IN Peer)
{
    PWSK_SOCKET s;
    NTSTATUS status = Open(Npi, c, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return CtxWait(c, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Dispatch)->WskControlSocket( // expect: WSK026 "SIO_WSK_SET_REMOTE_ADDRESS is used on a datagram socket before it is bound"
        s, WskIoctl, SIO_WSK_SET_REMOTE_ADDRESS, 0, sizeof(*Peer), Peer, 0, NULL, NULL, c->Irp));
}

NTSTATUS Serve(PWSK_PROVIDER_NPI Npi, PCTX c)
{
    PWSK_SOCKET s;
    NTSTATUS status = Open(Npi, c, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_STREAM_SOCKET, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return CtxWait(c, ((PWSK_PROVIDER_STREAM_DISPATCH)s->Dispatch)->WskListen(s, c->Irp)); // expect: WSK026 "WskListen is called on a socket that was not bound"
}
