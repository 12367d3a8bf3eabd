/* Trap: TCP or UDP is chosen at run time; the flags, the client table and the provider table used later
   all follow the same choice. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER { PWSK_SOCKET Socket; BOOLEAN Tcp; PIRP Irp; KEVENT Done; } PEER, *PPEER;

static NTSTATUS WSKAPI OnDatagram(PVOID Context, ULONG Flags, PWSK_DATAGRAM_INDICATION Data)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Data);
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnData(PVOID Context, ULONG Flags, PWSK_DATA_INDICATION Data, SIZE_T Indicated,
                              SIZE_T *Accepted)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Indicated);
    UNREFERENCED_PARAMETER(Accepted);
    return STATUS_SUCCESS;
}

static const WSK_CLIENT_DATAGRAM_DISPATCH g_Udp = { OnDatagram };
static const WSK_CLIENT_CONNECTION_DISPATCH g_Tcp = { OnData, NULL, NULL };

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

NTSTATUS PeerOpen(PWSK_PROVIDER_NPI Npi, PPEER p, ADDRESS_FAMILY Family, PSOCKADDR Local)
{
    USHORT type = p->Tcp ? SOCK_STREAM : SOCK_DGRAM;
    ULONG proto = p->Tcp ? IPPROTO_TCP : IPPROTO_UDP;
    ULONG flags = p->Tcp ? WSK_FLAG_CONNECTION_SOCKET : WSK_FLAG_DATAGRAM_SOCKET;
    const VOID *events = p->Tcp ? (const VOID *)&g_Tcp : (const VOID *)&g_Udp;
    PWSK_SOCKET s;
    NTSTATUS status;
    Arm(p->Irp, &p->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, Family, type, proto, flags, p, events, NULL, NULL, NULL, p->Irp);
    Wait(p->Irp, &p->Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)p->Irp->IoStatus.Information;
    Arm(p->Irp, &p->Done);
    if (p->Tcp) {
        status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskBind(s, Local, 0, p->Irp);
    } else {
        status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Dispatch)->WskBind(s, Local, 0, p->Irp);
    }
    Wait(p->Irp, &p->Done, &status);
    p->Socket = s;
    return status;
}

NTSTATUS PeerSend(PPEER p, PWSK_BUF Buffer, PSOCKADDR To)
{
    NTSTATUS status;
    Arm(p->Irp, &p->Done);
    if (p->Tcp) {
        status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)p->Socket->Dispatch)->WskSend(p->Socket, Buffer, 0, p->Irp);
    } else {
        status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)p->Socket->Dispatch)->WskSendTo(p->Socket, Buffer, 0, To, 0, NULL,
                                                                                 p->Irp);
    }
    Wait(p->Irp, &p->Done, &status);
    return status;
}
