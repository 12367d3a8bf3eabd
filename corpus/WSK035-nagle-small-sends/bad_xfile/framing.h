#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _FRAME_CONN {
    PWSK_SOCKET Socket;
    const WSK_PROVIDER_CONNECTION_DISPATCH *Dispatch;
} FRAME_CONN, *PFRAME_CONN;

NTSTATUS FrameSendPrefix(PFRAME_CONN C, PMDL PrefixMdl, PIRP Irp);
NTSTATUS FrameSendPayload(PFRAME_CONN C, PWSK_BUF Payload, PIRP Irp);
