#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _LISTENER { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } LISTENER, *PLISTENER;

VOID Arm(PIRP Irp, PKEVENT Done);
VOID Wait(PIRP Irp, PKEVENT Done, PNTSTATUS Status);
NTSTATUS ListenerCreate(PWSK_PROVIDER_NPI Npi, PLISTENER l);
NTSTATUS ListenerLocalAddress(PLISTENER l, PSOCKADDR_IN Out);
