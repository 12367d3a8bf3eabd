/* Traps: senders hold run-down protection and the closer waits for it (wireguard-nt's design), a close
   on the creation error path, and a close that takes the socket with an interlocked exchange. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TUNNEL {
    PWSK_SOCKET Socket;
    EX_RUNDOWN_REF Rundown;
    PIRP SendIrp;
    PIRP CloseIrp;
    WSK_BUF Packet;
    PIO_WORKITEM CloseItem;
} TUNNEL, *PTUNNEL;

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PTUNNEL t = (PTUNNEL)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL || !ExAcquireRundownProtection(&t->Rundown)) {
        return STATUS_SUCCESS;
    }
    ((PWSK_PROVIDER_DATAGRAM_DISPATCH)t->Socket->Dispatch)->WskSendTo(t->Socket, &t->Packet, 0, NULL, 0, NULL,
                                                                      t->SendIrp);
    ExReleaseRundownProtection(&t->Rundown);
    return STATUS_SUCCESS;
}

IO_WORKITEM_ROUTINE CloseTunnel;

VOID CloseTunnel(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PTUNNEL t = (PTUNNEL)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    ExWaitForRundownProtectionRelease(&t->Rundown);
    ((PWSK_PROVIDER_BASIC_DISPATCH)t->Socket->Dispatch)->WskCloseSocket(t->Socket, t->CloseIrp);
}

VOID ScheduleTunnelClose(PTUNNEL Tunnel)
{
    IoQueueWorkItem(Tunnel->CloseItem, CloseTunnel, DelayedWorkQueue, Tunnel);
}

const WSK_CLIENT_DATAGRAM_DISPATCH g_TunnelDispatch = { OnReceiveFrom };

typedef struct _PROBE {
    PWSK_SOCKET Socket;
    PIRP Irp;
    PIO_WORKITEM Item;
} PROBE, *PPROBE;

NTSTATUS BindOrClose(PWSK_SOCKET Socket, PSOCKADDR Local, PIRP BindIrp, PIRP CloseIrp)
{
    PWSK_PROVIDER_DATAGRAM_DISPATCH dispatch = (PWSK_PROVIDER_DATAGRAM_DISPATCH)Socket->Dispatch;
    NTSTATUS status = dispatch->WskBind(Socket, Local, 0, BindIrp);
    if (!NT_SUCCESS(status)) {
        dispatch->WskCloseSocket(Socket, CloseIrp);
    }
    return status;
}

IO_WORKITEM_ROUTINE DropProbe;

VOID DropProbe(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PPROBE p = (PPROBE)Context;
    PWSK_SOCKET socket = (PWSK_SOCKET)InterlockedExchangePointer((PVOID volatile *)&p->Socket, NULL);
    UNREFERENCED_PARAMETER(DeviceObject);
    if (socket != NULL) {
        ((PWSK_PROVIDER_BASIC_DISPATCH)socket->Dispatch)->WskCloseSocket(socket, p->Irp);
    }
}

VOID ScheduleDrop(PPROBE Probe)
{
    IoQueueWorkItem(Probe->Item, DropProbe, DelayedWorkQueue, Probe);
}
