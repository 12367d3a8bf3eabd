#include "listener.h"

NTSTATUS ListenerWait(PLISTENER l, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&l->Done, Executive, KernelMode, FALSE, NULL);
        status = l->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS ListenerCreate(PWSK_PROVIDER_NPI Npi, PLISTENER l)
{
    NTSTATUS status = ListenerWait(l, Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                                               WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL,
                                                               NULL, l->Irp));
    if (NT_SUCCESS(status)) {
        l->Socket = (PWSK_SOCKET)l->Irp->IoStatus.Information;
    }
    return status;
}
