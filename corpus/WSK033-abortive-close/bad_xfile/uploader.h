#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _UPLOADER {
    PWSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} UPLOADER, *PUPLOADER;

NTSTATUS UpConnect(PUPLOADER U, PSOCKADDR Local, PSOCKADDR Remote);
NTSTATUS UpSend(PUPLOADER U, PWSK_BUF Data);
VOID UpClose(PUPLOADER U);
NTSTATUS UpHangUp(PUPLOADER U);
