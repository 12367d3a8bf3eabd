/* The send backlog is queried before the connection exists, the remote address of a datagram socket is
   fixed before it is bound, and a stream socket listens without a bind. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CTX { PIRP Irp; KEVENT Done; } CTX, *PCTX;

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

static NTSTATUS Open(PWSK_PROVIDER_NPI Npi, PCTX c, USHORT Type, ULONG Protocol, ULONG Flags, PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(c->Irp, &c->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, Type, Protocol, Flags, NULL, NULL,
                                      NULL, NULL, NULL, c->Irp);
    Wait(c->Irp, &c->Done, &status);
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
    NTSTATUS result;
    Arm(c->Irp, &c->Done);
    result = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskControlSocket( // expect: WSK026 "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG is used on a connection socket before it is connected"
        s, WskIoctl, SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, 0, 0, NULL, sizeof(*Backlog), Backlog, NULL, c->Irp);
    Wait(c->Irp, &c->Done, &result);
    return result;
}

NTSTATUS Aim(PWSK_PROVIDER_NPI Npi, PCTX c, PSOCKADDR_IN Peer)
{
    PWSK_SOCKET s;
    NTSTATUS status = Open(Npi, c, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    NTSTATUS result;
    Arm(c->Irp, &c->Done);
    result = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Dispatch)->WskControlSocket( // expect: WSK026 "SIO_WSK_SET_REMOTE_ADDRESS is used on a datagram socket before it is bound"
        s, WskIoctl, SIO_WSK_SET_REMOTE_ADDRESS, 0, sizeof(*Peer), Peer, 0, NULL, NULL, c->Irp);
    Wait(c->Irp, &c->Done, &result);
    return result;
}

NTSTATUS Serve(PWSK_PROVIDER_NPI Npi, PCTX c)
{
    PWSK_SOCKET s;
    NTSTATUS status = Open(Npi, c, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_STREAM_SOCKET, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    NTSTATUS result;
    Arm(c->Irp, &c->Done);
    result = ((PWSK_PROVIDER_STREAM_DISPATCH)s->Dispatch)->WskListen(s, c->Irp); // expect: WSK026 "WskListen is called on a socket that was not bound"
    Wait(c->Irp, &c->Done, &result);
    return result;
}
