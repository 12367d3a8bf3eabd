/* Framing helpers: a length prefix, then the frame. */
#include <ntddk.h>
#include <wsk.h>
#include "framing.h"

NTSTATUS FrameSendPrefix(PFRAME_CONN C, PMDL PrefixMdl, PIRP Irp)
{
    WSK_BUF prefix;
    prefix.Mdl = PrefixMdl;
    prefix.Offset = 0;
    prefix.Length = sizeof(ULONG);
    return C->Dispatch->WskSend(C->Socket, &prefix, 0, Irp);
}

NTSTATUS FrameSendPayload(PFRAME_CONN C, PWSK_BUF Payload, PIRP Irp)
{
    return C->Dispatch->WskSend(C->Socket, Payload, 0, Irp);
}
