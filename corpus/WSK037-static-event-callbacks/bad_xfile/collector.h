#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _COLLECTOR {
    PWSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} COLLECTOR, *PCOLLECTOR;

extern const WSK_CLIENT_DATAGRAM_DISPATCH CollectorDispatch;

NTSTATUS CollectorCreateSocket(PCOLLECTOR C, PSOCKADDR Local, PWSK_SOCKET *Out);
NTSTATUS CollectorArm(PWSK_SOCKET S);
