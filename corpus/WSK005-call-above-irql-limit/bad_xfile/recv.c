/* The connection callbacks. */
#include "net.h"

static VOID NetDeliver(PNET_CONN Conn, PWSK_DATA_INDICATION Data, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Data);
    Conn->Received += (ULONG)Length;
    NetLogPacket(Conn, Length);
}

NTSTATUS WSKAPI NetReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                           SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication != NULL) {
        NetDeliver((PNET_CONN)SocketContext, DataIndication, BytesIndicated);
    }
    return STATUS_SUCCESS;
}

NTSTATUS WSKAPI NetDisconnect(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    return STATUS_SUCCESS;
}
