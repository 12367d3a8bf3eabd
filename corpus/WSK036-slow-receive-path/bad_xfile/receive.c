/* The stream receive callback verifies each indication before accepting it. */
#include <ntddk.h>
#include <wsk.h>
#include "stream.h"

NTSTATUS WSKAPI StreamReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                              SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PSTREAM_CTX ctx = (PSTREAM_CTX)SocketContext;
    PWSK_DATA_INDICATION di;

    UNREFERENCED_PARAMETER(Flags);
    for (di = DataIndication; di != NULL; di = di->Next) {
        PUCHAR p = MmGetSystemAddressForMdlSafe(di->Buffer.Mdl, NormalPagePriority | MdlMappingNoExecute);
        if (p != NULL) {
            StreamVerifyChunk(ctx, p + di->Buffer.Offset, (ULONG)di->Buffer.Length);  // expect: WSK036 "hashing"
        }
    }
    *BytesAccepted = BytesIndicated;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH StreamDispatch = { StreamReceive, NULL, NULL };
