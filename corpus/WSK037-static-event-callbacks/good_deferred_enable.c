/* Trap: enabling must wait until the socket's context is ready. The socket is created when the
 * tunnel is configured, but its receive callback is enabled only when the tunnel is activated
 * (keys installed); static callbacks would deliver datagrams before that. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TUNNEL {
    PWSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
    BOOLEAN KeysReady;
} TUNNEL, *PTUNNEL;

NTSTATUS WSKAPI TunnelReceive(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH TunnelDispatch = { TunnelReceive };

NTSTATUS TunnelConfigure(PTUNNEL T)
{
    NTSTATUS st;
    KeResetEvent(&T->Done);
    st = T->Npi->Dispatch->WskSocket(T->Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, T,
                                     &TunnelDispatch, NULL, NULL, NULL, T->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&T->Done, Executive, KernelMode, FALSE, NULL);
        st = T->Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(st)) {
        T->Socket = (PWSK_SOCKET)T->Irp->IoStatus.Information;
    }
    return st;
}

NTSTATUS TunnelActivate(PTUNNEL T)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram = T->Socket->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL ctl;

    if (!T->KeysReady) {
        return STATUS_DEVICE_NOT_READY;
    }
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    return dgram->Basic.WskControlSocket(T->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(ctl),
                                         &ctl, 0, NULL, NULL, NULL);
}
