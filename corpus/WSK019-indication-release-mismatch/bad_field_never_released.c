/* The driver does call WskRelease -- for the datagrams it drops in the callback -- but the ones it
   keeps in the port's backlog are consumed and forgotten, never given back. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _UDP_PORT {
    PWSK_SOCKET Socket;
    KSPIN_LOCK Lock;
    PWSK_DATAGRAM_INDICATION Backlog;
    ULONG Depth;
} UDP_PORT, *PUDP_PORT;

VOID CopyDatagram(PUDP_PORT Port, PWSK_DATAGRAM_INDICATION Datagram);

NTSTATUS WSKAPI UdpOnDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PUDP_PORT port = (PUDP_PORT)SocketContext;
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = port->Socket->Dispatch;
    KIRQL irql;

    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    if (port->Depth > 32) {
        dispatch->WskRelease(port->Socket, DataIndication);
        return STATUS_PENDING;
    }
    KeAcquireSpinLock(&port->Lock, &irql);
    DataIndication->Next = port->Backlog;
    port->Backlog = DataIndication;
    port->Depth++;
    KeReleaseSpinLock(&port->Lock, irql);
    return STATUS_PENDING;  // expect: WSK019 "no WskRelease in the driver releases a list taken from there"
}

const WSK_CLIENT_DATAGRAM_DISPATCH UdpDispatch = { UdpOnDatagrams };

VOID UdpConsume(PUDP_PORT Port)
{
    PWSK_DATAGRAM_INDICATION list, next;
    KIRQL irql;

    KeAcquireSpinLock(&Port->Lock, &irql);
    list = Port->Backlog;
    Port->Backlog = NULL;
    Port->Depth = 0;
    KeReleaseSpinLock(&Port->Lock, irql);
    for (; list != NULL; list = next) {
        next = list->Next;
        CopyDatagram(Port, list);
    }
}
