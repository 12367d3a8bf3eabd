/* Sends the trailer of a 256-byte block with an offset defined in buffers.h. */
#include <ntddk.h>
#include <wsk.h>
#include "buffers.h"

NTSTATUS SendTrailer(PWSK_SOCKET Socket, PVOID Block, PIRP Irp, PMDL *Mdl)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF buf;
    PMDL mdl = IoAllocateMdl(Block, 256, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);
    *Mdl = mdl;
    buf.Mdl = mdl;
    buf.Offset = TRAILER_OFFSET;
    buf.Length = 16;
    return dispatch->WskSend(Socket, &buf, 0, Irp);  // expect: WSK018 "outside the 256 bytes"
}
