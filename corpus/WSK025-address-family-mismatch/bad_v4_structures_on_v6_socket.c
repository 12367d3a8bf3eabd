/* An AF_INET6 datagram socket is sent to with a SOCKADDR_IN and receives into one. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DNS { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } DNS, *PDNS;

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

NTSTATUS DnsQuery(PWSK_PROVIDER_NPI Npi, PDNS d, PWSK_BUF Query, PWSK_BUF Answer, ULONG Server)
{
    SOCKADDR_IN to;
    SOCKADDR_IN from;
    PWSK_PROVIDER_DATAGRAM_DISPATCH dg;
    NTSTATUS status;
    Arm(d->Irp, &d->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
                                      WSK_FLAG_DATAGRAM_SOCKET, NULL, NULL, NULL, NULL, NULL,
                                      d->Irp);
    Wait(d->Irp, &d->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    d->Socket = (PWSK_SOCKET)d->Irp->IoStatus.Information;
    dg = (PWSK_PROVIDER_DATAGRAM_DISPATCH)d->Socket->Dispatch;
    RtlZeroMemory(&to, sizeof(to));
    to.sin_family = AF_INET;
    to.sin_port = RtlUshortByteSwap(53);
    to.sin_addr.s_addr = Server;
    Arm(d->Irp, &d->Done);
    status = dg->WskSendTo(d->Socket, Query, 0, (PSOCKADDR)&to, 0, NULL, d->Irp); // expect: WSK025 "WskSendTo is given an AF_INET address (SOCKADDR_IN 'to') on an AF_INET6 socket"
    Wait(d->Irp, &d->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(d->Irp, &d->Done);
        status = dg->WskReceiveFrom(d->Socket, Answer, 0, (PSOCKADDR)&from, NULL, NULL, NULL, // expect: WSK025 "into an AF_INET address (SOCKADDR_IN 'from') of 16 bytes"
                                    d->Irp);
        Wait(d->Irp, &d->Done, &status);
    }
    {
        NTSTATUS ignored;
        Arm(d->Irp, &d->Done);
        ignored = dg->WskCloseSocket(d->Socket, d->Irp);
        Wait(d->Irp, &d->Done, &ignored);
    }
    return status;
}
