/* Shared declarations of a small TCP client split over three files. */
#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _NET_CONN {
    PWSK_CLIENT Client;
    PWSK_PROVIDER_NPI Provider;
    PWSK_SOCKET Socket;
    PIRP Irp;
    ULONG Received;
} NET_CONN, *PNET_CONN;

/* The connection events, under the project's own name for the table type. */
typedef WSK_CLIENT_CONNECTION_DISPATCH NET_EVENTS;

NTSTATUS WSKAPI NetReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                           SIZE_T BytesIndicated, SIZE_T *BytesAccepted);
NTSTATUS WSKAPI NetDisconnect(PVOID SocketContext, ULONG Flags);
VOID NetLogPacket(PNET_CONN Conn, SIZE_T Length);
