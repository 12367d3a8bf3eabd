/* A send helper written for connection sockets is also handed the datagram socket: the call through the
   connection table is wrong at that call site only. */
#include <ntddk.h>
#include <wsk.h>

#include <ntddk.h>
#include <wsk.h>

typedef struct _SYNC { KEVENT Done; PIRP Irp; } SYNC, *PSYNC;

static IO_COMPLETION_ROUTINE SyncDone;
static NTSTATUS SyncDone(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID Arm(PSYNC s)
{
    IoReuseIrp(s->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(s->Irp, SyncDone, &s->Done, TRUE, TRUE, TRUE);
}

static NTSTATUS Finish(PSYNC s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}


static NTSTATUS CreateSock(PWSK_PROVIDER_NPI Npi, PSYNC s, USHORT Type, ULONG Protocol, ULONG Flags,
                           PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(s);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, Type, Protocol, Flags, NULL, NULL, NULL, NULL, NULL,
                                      s->Irp);
    status = Finish(s, status);
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS SendOn(PSYNC s, PWSK_SOCKET Socket, PWSK_BUF Buffer)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH d = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    Arm(s);
    return Finish(s, d->WskSend(Socket, Buffer, 0, s->Irp));
}

NTSTATUS SendBoth(PWSK_PROVIDER_NPI Npi, PSYNC s, PWSK_BUF Buffer, PSOCKADDR Peer)
{
    PWSK_SOCKET tcp = NULL, udp = NULL;
    SOCKADDR_IN6 local = { AF_INET6 };
    NTSTATUS status = CreateSock(Npi, s, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET, &tcp);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    Arm(s);
    status = Finish(s, ((PWSK_PROVIDER_CONNECTION_DISPATCH)tcp->Dispatch)->WskBind(tcp, (PSOCKADDR)&local, 0, s->Irp));
    if (NT_SUCCESS(status)) {
        Arm(s);
        status = Finish(s, ((PWSK_PROVIDER_CONNECTION_DISPATCH)tcp->Dispatch)->WskConnect(tcp, Peer, 0, s->Irp));
    }
    if (NT_SUCCESS(status)) {
        SendOn(s, tcp, Buffer);
    }
    if (NT_SUCCESS(CreateSock(Npi, s, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &udp))) {
        SendOn(s, udp, Buffer); // expect: WSK023 "on a datagram socket"
        Arm(s);
        Finish(s, ((PWSK_PROVIDER_BASIC_DISPATCH)udp->Dispatch)->WskCloseSocket(udp, s->Irp));
    }
    Arm(s);
    Finish(s, ((PWSK_PROVIDER_BASIC_DISPATCH)tcp->Dispatch)->WskCloseSocket(tcp, s->Irp)); // expect: WSK033
    return status;
}
