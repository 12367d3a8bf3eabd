/* Trap: a client binds to port 0 (ephemeral) before connecting. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS Dial(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PSOCKADDR Peer)
{
    SOCKADDR_IN local = { AF_INET };
    PWSK_SOCKET s;
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                               WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskBind(s, (PSOCKADDR)&local, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskConnect(s, Peer, 0, Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
            status = Irp->IoStatus.Status;
        }
    }
    return status;
}
