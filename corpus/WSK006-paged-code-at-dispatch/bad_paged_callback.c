/* The receive callback was put in the PAGE section together with the setup code. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SESSION {
    PWSK_SOCKET Socket;
    SIZE_T Received;
} SESSION, *PSESSION;

NTSTATUS WSKAPI SessionReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                               SIZE_T BytesIndicated, SIZE_T *BytesAccepted);

#pragma alloc_text(PAGE, SessionReceive)

const WSK_CLIENT_CONNECTION_DISPATCH g_SessionDispatch = { SessionReceive, NULL, NULL };

NTSTATUS WSKAPI SessionReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication, // expect: WSK006 "SessionReceive is pageable (placed in section PAGE) but can run at DISPATCH_LEVEL"
                               SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSESSION s = (PSESSION)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    UNREFERENCED_PARAMETER(BytesAccepted);
    s->Received += BytesIndicated;
    return STATUS_SUCCESS;
}
