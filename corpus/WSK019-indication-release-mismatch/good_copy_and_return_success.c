/* Copies the data and returns STATUS_SUCCESS without releasing anything. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SINK {
    UCHAR Data[2048];
    SIZE_T Used;
} SINK, *PSINK;

NTSTATUS WSKAPI OnSinkData(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                           SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSINK sink = (PSINK)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    if (BytesIndicated > sizeof(sink->Data) - sink->Used) {
        return STATUS_DATA_NOT_ACCEPTED;
    }
    sink->Used += BytesIndicated;
    *BytesAccepted = BytesIndicated;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH SinkDispatch = { OnSinkData, NULL, NULL };

/* After STATUS_DATA_NOT_ACCEPTED, a receive resumes the indications once the sink has drained. */
NTSTATUS ResumeSink(PWSK_SOCKET Socket, PWSK_BUF Buffer, PIRP Irp)
{
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskReceive(Socket, Buffer, 0, Irp);
}
