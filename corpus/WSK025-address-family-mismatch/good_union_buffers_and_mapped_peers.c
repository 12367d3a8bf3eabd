/* Trap: SOCKADDR_INET and SOCKADDR_STORAGE fit either family; IPv4 peers of a dual-stack socket (IPV6_V6ONLY
   cleared) are given as v4-mapped SOCKADDR_IN6. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _UDP { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } UDP, *PUDP;

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

NTSTATUS UdpEcho(PWSK_PROVIDER_NPI Npi, PUDP u, PWSK_BUF Buffer, const IN_ADDR *PeerV4)
{
    SOCKADDR_INET from;
    SOCKADDR_STORAGE local;
    SOCKADDR_IN6 to;
    SCOPE_ID scope = SCOPEID_UNSPECIFIED_INIT;
    ULONG off = 0;
    PWSK_PROVIDER_DATAGRAM_DISPATCH dg;
    NTSTATUS status;
    Arm(u->Irp, &u->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
                                      WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      u->Irp);
    Wait(u->Irp, &u->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    u->Socket = (PWSK_SOCKET)u->Irp->IoStatus.Information;
    dg = (PWSK_PROVIDER_DATAGRAM_DISPATCH)u->Socket->Dispatch;
    Arm(u->Irp, &u->Done);
    status = dg->WskControlSocket(u->Socket, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, sizeof(off), &off, 0,
                                  NULL, NULL, u->Irp);
    Wait(u->Irp, &u->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(u->Irp, &u->Done);
        status = dg->WskGetLocalAddress(u->Socket, (PSOCKADDR)&local, u->Irp);
        Wait(u->Irp, &u->Done, &status);
    }
    if (NT_SUCCESS(status)) {
        Arm(u->Irp, &u->Done);
        status = dg->WskReceiveFrom(u->Socket, Buffer, 0, (PSOCKADDR)&from, NULL, NULL, NULL, u->Irp);
        Wait(u->Irp, &u->Done, &status);
    }
    if (NT_SUCCESS(status)) {
        IN6ADDR_SETV4MAPPED(&to, PeerV4, scope, RtlUshortByteSwap(7));
        Arm(u->Irp, &u->Done);
        status = dg->WskSendTo(u->Socket, Buffer, 0, (PSOCKADDR)&to, 0, NULL, u->Irp);
        Wait(u->Irp, &u->Done, &status);
    }
    return status;
}
