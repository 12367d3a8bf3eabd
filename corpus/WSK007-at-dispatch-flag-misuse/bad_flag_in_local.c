/* The flag is copied to a local first; the clear branch still waits. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DGRAM {
    KEVENT Ready;
    ULONG Count;
} DGRAM, *PDGRAM;

static NTSTATUS WSKAPI OnReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    PDGRAM d = (PDGRAM)SocketContext;
    BOOLEAN atDispatch = (Flags & WSK_FLAG_AT_DISPATCH_LEVEL) != 0;
    UNREFERENCED_PARAMETER(DataIndication);
    if (atDispatch) {
        d->Count++;
    } else {
        KeWaitForSingleObject(&d->Ready, Executive, KernelMode, FALSE, NULL); // expect: WSK007 "KeWaitForSingleObject (IRQL <= APC_LEVEL with a NULL (infinite) timeout) is called where WSK_FLAG_AT_DISPATCH_LEVEL is clear"
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH g_DgramDispatch = { OnReceiveFrom };
