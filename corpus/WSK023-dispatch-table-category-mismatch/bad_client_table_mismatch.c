/* A datagram socket is created with a connection client table and then sent on through the connection
   provider table. */
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

static NTSTATUS WSKAPI OnReceive(PVOID Context, ULONG Flags, PWSK_DATA_INDICATION Data, SIZE_T Indicated,
                                 SIZE_T *Accepted)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Indicated);
    UNREFERENCED_PARAMETER(Accepted);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ConnDispatch = { OnReceive, NULL, NULL };

static NTSTATUS OpenUdp(PWSK_PROVIDER_NPI Npi, PSYNC s, PVOID Context, PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET,
                                      Context,
                                      &g_ConnDispatch, // expect: WSK023 "datagram socket is created with the client table WSK_CLIENT_CONNECTION_DISPATCH"
                                      NULL, NULL, NULL, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS SendUdp(PSYNC s, PWSK_SOCKET Udp, PWSK_BUF Buffer)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)Udp->Dispatch)->WskSend(Udp, Buffer, 0, s->Irp); // expect: WSK023 "WskSend is called through WSK_PROVIDER_CONNECTION_DISPATCH on a datagram socket"
    Wait(s->Irp, &s->Done, &status);
    return status;
}

NTSTATUS Announce(PWSK_PROVIDER_NPI Npi, PSYNC s, PWSK_BUF Buffer)
{
    PWSK_SOCKET udp = NULL;
    NTSTATUS closed;
    NTSTATUS status = OpenUdp(Npi, s, NULL, &udp);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = SendUdp(s, udp, Buffer);
    Arm(s->Irp, &s->Done);
    closed = ((PWSK_PROVIDER_BASIC_DISPATCH)udp->Dispatch)->WskCloseSocket(udp, s->Irp);
    Wait(s->Irp, &s->Done, &closed);
    return status;
}
