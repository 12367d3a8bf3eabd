#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK s, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol, ULONG Flags);
NTSTATUS SockOption(PSOCK s, ULONG Level, ULONG Code, ULONG Value);
NTSTATUS SockBind(PSOCK s, PSOCKADDR Local);
