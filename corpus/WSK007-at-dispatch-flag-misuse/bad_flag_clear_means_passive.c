/* The receive callback treats a clear WSK_FLAG_AT_DISPATCH_LEVEL as PASSIVE_LEVEL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RX {
    HANDLE Capture;
    KSPIN_LOCK Lock;
    SIZE_T Bytes;
} RX, *PRX;

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PRX rx = (PRX)SocketContext;
    IO_STATUS_BLOCK iosb;
    UNREFERENCED_PARAMETER(DataIndication);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (!(Flags & WSK_FLAG_AT_DISPATCH_LEVEL)) {
        ZwWriteFile(rx->Capture, NULL, NULL, NULL, &iosb, &BytesIndicated, sizeof(BytesIndicated), NULL, NULL); // expect: WSK007 "ZwWriteFile (PASSIVE_LEVEL only) is called where WSK_FLAG_AT_DISPATCH_LEVEL is clear"
    }
    KeAcquireSpinLockAtDpcLevel(&rx->Lock); // expect: WSK007 "KeAcquireSpinLockAtDpcLevel requires DISPATCH_LEVEL, but IRQL can be lower here: WskReceiveEvent callback OnReceive"
    rx->Bytes += BytesIndicated;
    KeReleaseSpinLockFromDpcLevel(&rx->Lock);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_RxDispatch = { OnReceive, NULL, NULL };
