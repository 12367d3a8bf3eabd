/* Retains every datagram indication for a worker to process. */
#include <ntddk.h>
#include <wsk.h>

VOID EnqueueDatagrams(PVOID Context, PWSK_DATAGRAM_INDICATION List);

NTSTATUS WSKAPI KeepDatagrams(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(Flags);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    EnqueueDatagrams(SocketContext, DataIndication);
    return STATUS_PENDING;  // expect: WSK019 "never calls WskRelease"
}
