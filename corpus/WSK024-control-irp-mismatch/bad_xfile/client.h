#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT { WSK_PROVIDER_NPI Npi; PIRP Irp; KEVENT Done; } CLIENT, *PCLIENT;

NTSTATUS ClientControl(PCLIENT Client, ULONG Code, PVOID In, SIZE_T InSize);
