/* Keeps the datagrams it can queue, releases the rest, and returns STATUS_PENDING; the consumer
   releases the queued ones later. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PORT {
    PWSK_SOCKET Socket;
    PWSK_DATAGRAM_INDICATION Held;
    ULONG Count;
} PORT, *PPORT;

NTSTATUS WSKAPI OnPortDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PPORT port = (PPORT)SocketContext;
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = port->Socket->Dispatch;
    PWSK_DATAGRAM_INDICATION next;

    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    for (; DataIndication != NULL; DataIndication = next) {
        next = DataIndication->Next;
        DataIndication->Next = NULL;
        if (port->Count >= 16) {
            dispatch->WskRelease(port->Socket, DataIndication);
            continue;
        }
        DataIndication->Next = port->Held;
        port->Held = DataIndication;
        port->Count++;
    }
    return STATUS_PENDING;
}

VOID PortDrain(PPORT Port)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Port->Socket->Dispatch;
    if (Port->Held != NULL) {
        dispatch->WskRelease(Port->Socket, Port->Held);
        Port->Held = NULL;
        Port->Count = 0;
    }
}

const WSK_CLIENT_DATAGRAM_DISPATCH PortDispatch = { OnPortDatagrams };
