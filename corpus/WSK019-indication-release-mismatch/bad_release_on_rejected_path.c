/* The stream callback rejects data when its queue is full, but releases the list first. */
#include <ntddk.h>
#include <wsk.h>

#define QUEUE_FULL_STATUS STATUS_DATA_NOT_ACCEPTED

typedef struct _STREAM {
    PWSK_SOCKET Socket;
    LIST_ENTRY Queue;
    ULONG Queued;
} STREAM, *PSTREAM;

static VOID QueueIndication(PSTREAM Stream, PWSK_DATA_INDICATION Indication)
{
    UNREFERENCED_PARAMETER(Indication);
    Stream->Queued++;
}

NTSTATUS WSKAPI OnStreamData(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                             SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSTREAM stream = (PSTREAM)SocketContext;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = stream->Socket->Dispatch;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    if (stream->Queued > 64) {
        dispatch->WskRelease(stream->Socket, DataIndication);  // expect: WSK019 "STATUS_DATA_NOT_ACCEPTED"
        return QUEUE_FULL_STATUS;
    }
    QueueIndication(stream, DataIndication);
    return STATUS_PENDING;
}

const WSK_CLIENT_CONNECTION_DISPATCH StreamDispatch = { OnStreamData, NULL, NULL };

/* After STATUS_DATA_NOT_ACCEPTED, a receive resumes the indications once the queue has drained. */
NTSTATUS ResumeStream(PSTREAM Stream, PWSK_BUF Buffer, PIRP Irp)
{
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Stream->Socket->Dispatch)->WskReceive(Stream->Socket, Buffer, 0, Irp);
}
