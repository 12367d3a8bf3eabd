/* Receive callbacks return error statuses, directly, through a local and through a helper. */
#include <ntddk.h>
#include <wsk.h>

#define MAX_FRAME 1500

typedef struct _LINK {
    PWSK_SOCKET Socket;
    SIZE_T Pending;
    BOOLEAN Closing;
} LINK, *PLINK;

static NTSTATUS CheckLink(PLINK Link)
{
    if (Link->Closing) {
        return STATUS_CONNECTION_ABORTED;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PLINK link = (PLINK)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    if (BytesIndicated > MAX_FRAME) {
        return STATUS_INVALID_BUFFER_SIZE; // expect: WSK020 "OnReceive (WskReceiveEvent) returns STATUS_INVALID_BUFFER_SIZE"
    }
    link->Pending += BytesIndicated;
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    NTSTATUS status = STATUS_SUCCESS;
    PVOID copy;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    copy = ExAllocatePool2(POOL_FLAG_NON_PAGED, MAX_FRAME, 'ypoC');
    if (copy == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
    } else {
        ExFreePoolWithTag(copy, 'ypoC');
    }
    return status; // expect: WSK020 "returns STATUS_INSUFFICIENT_RESOURCES"
}

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    return CheckLink((PLINK)SocketContext); // expect: WSK020 "OnDisconnect (WskDisconnectEvent) returns STATUS_CONNECTION_ABORTED; it may return only STATUS_SUCCESS"
}

const WSK_CLIENT_CONNECTION_DISPATCH g_LinkDispatch = { OnReceive, OnDisconnect, NULL };
const WSK_CLIENT_DATAGRAM_DISPATCH g_DatagramDispatch = { OnReceiveFrom };
