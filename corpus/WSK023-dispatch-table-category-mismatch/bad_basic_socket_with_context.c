/* A basic socket (only control and close) is created with a socket context and a client table. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _QUERY { ULONG Rss; } QUERY, *PQUERY;

static NTSTATUS WSKAPI OnDisconnect(PVOID Context, ULONG Flags)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    return STATUS_SUCCESS;
}

static const WSK_CLIENT_CONNECTION_DISPATCH g_Events = { NULL, OnDisconnect, NULL };

NTSTATUS OpenQuerySocket(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PQUERY Query, PWSK_SOCKET *Out)
{
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                               WSK_FLAG_BASIC_SOCKET,
                                               &Query->Rss, // expect: WSK023 "non-NULL SocketContext"
                                               &g_Events, // expect: WSK023 "basic socket is created with the client table"
                                               NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)Irp->IoStatus.Information;
    }
    return status;
}
