/* A send helper written for connection sockets is also handed the datagram socket: the call through the
   connection table is wrong at that call site only. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SYNC { KEVENT Done; PIRP Irp; } SYNC, *PSYNC;

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

static NTSTATUS CreateSock(PWSK_PROVIDER_NPI Npi, PSYNC s, USHORT Type, ULONG Protocol, ULONG Flags,
                           PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, Type, Protocol, Flags, NULL, NULL, NULL, NULL, NULL,
                                      s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS SendOn(PSYNC s, PWSK_SOCKET Socket, PWSK_BUF Buffer)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH d = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = d->WskSend(Socket, Buffer, 0, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    return status;
}

static VOID CloseOn(PSYNC s, PWSK_SOCKET Socket)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskCloseSocket(Socket, s->Irp); // expect: WSK033
    Wait(s->Irp, &s->Done, &status);
}

NTSTATUS SendBoth(PWSK_PROVIDER_NPI Npi, PSYNC s, PWSK_BUF Buffer, PSOCKADDR Peer)
{
    PWSK_SOCKET tcp = NULL, udp = NULL;
    SOCKADDR_IN6 local = { AF_INET6 };
    PWSK_PROVIDER_CONNECTION_DISPATCH d;
    NTSTATUS status = CreateSock(Npi, s, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET, &tcp);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    d = (PWSK_PROVIDER_CONNECTION_DISPATCH)tcp->Dispatch;
    Arm(s->Irp, &s->Done);
    status = d->WskBind(tcp, (PSOCKADDR)&local, 0, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(s->Irp, &s->Done);
        status = d->WskConnect(tcp, Peer, 0, s->Irp);
        Wait(s->Irp, &s->Done, &status);
    }
    if (NT_SUCCESS(status)) {
        SendOn(s, tcp, Buffer);
    }
    if (NT_SUCCESS(CreateSock(Npi, s, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &udp))) {
        SendOn(s, udp, Buffer); // expect: WSK023 "on a datagram socket"
        CloseOn(s, udp);
    }
    CloseOn(s, tcp);
    return status;
}
