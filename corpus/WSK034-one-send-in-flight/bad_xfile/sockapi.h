#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCKAPI_CONN {
    PWSK_SOCKET Socket;
    const WSK_PROVIDER_CONNECTION_DISPATCH *Dispatch;
    PIRP Irp;
} SOCKAPI_CONN, *PSOCKAPI_CONN;

NTSTATUS SockApiSend(PSOCKAPI_CONN C, PWSK_BUF Buf);
NTSTATUS SockApiReceive(PSOCKAPI_CONN C, PWSK_BUF Buf);
