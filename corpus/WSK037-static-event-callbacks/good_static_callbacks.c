/* Enables the receive callback once for every socket, before creating any. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS WSKAPI BeaconReceive(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH BeaconDispatch = { BeaconReceive };

NTSTATUS BeaconInit(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PWSK_SOCKET *Out)
{
    WSK_EVENT_CALLBACK_CONTROL ctl;
    NTSTATUS st;

    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    st = Npi->Dispatch->WskControlClient(Npi->Client, WSK_SET_STATIC_EVENT_CALLBACKS, sizeof(ctl), &ctl, 0, NULL,
                                         NULL, NULL);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, NULL,
                                  &BeaconDispatch, NULL, NULL, NULL, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(st)) {
        *Out = (PWSK_SOCKET)Irp->IoStatus.Information;
    }
    return st;
}
