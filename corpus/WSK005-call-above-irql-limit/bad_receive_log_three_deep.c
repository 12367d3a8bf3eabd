/* A receive callback logs every frame to a file, three calls down. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN {
    PWSK_SOCKET Socket;
    ULONG FramesSeen;
} CONN, *PCONN;

static HANDLE g_LogFile;

static VOID LogToFile(PCSTR Text, ULONG Length)
{
    IO_STATUS_BLOCK iosb;
    ZwWriteFile(g_LogFile, NULL, NULL, NULL, &iosb, (PVOID)Text, Length, NULL, NULL); // expect: WSK005 "ZwWriteFile (PASSIVE_LEVEL only) can be called at DISPATCH_LEVEL: WskReceiveEvent callback OnReceive"
}

static VOID ParseFrame(PCONN Conn, PWSK_DATA_INDICATION Data)
{
    UNREFERENCED_PARAMETER(Data);
    Conn->FramesSeen++;
    LogToFile("frame", 5);
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PCONN conn = (PCONN)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    ParseFrame(conn, DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ConnectionDispatch = { OnReceive, NULL, NULL };
