/* Publishes a frame with the two helpers. */
#include <ntddk.h>
#include <wsk.h>
#include "framing.h"

NTSTATUS PublishFrame(PFRAME_CONN Conn, PMDL Prefix, PWSK_BUF Frame, PIRP PrefixIrp, PIRP FrameIrp)
{
    NTSTATUS st = FrameSendPrefix(Conn, Prefix, PrefixIrp);  // expect: WSK035
    if (NT_SUCCESS(st)) {
        st = FrameSendPayload(Conn, Frame, FrameIrp);
    }
    return st;
}
