#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _SERVER {
    WSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Listener;
    PIRP Irp;
    KEVENT Done;
} SERVER, *PSERVER;

VOID ServerArm(PSERVER Server);
VOID ServerWait(PSERVER Server, PNTSTATUS Status);
NTSTATUS ServerOpen(PSERVER Server);
VOID ServerStop(PSERVER Server);
