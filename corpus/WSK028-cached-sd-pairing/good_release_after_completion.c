/* A per-socket cached descriptor released once the create request has completed, on every path. */
#include <ntddk.h>
#include <wsk.h>

extern const WSK_CLIENT_LISTEN_DISPATCH ListenDispatch;

NTSTATUS OpenSharedListener(PWSK_PROVIDER_NPI Npi, PSECURITY_DESCRIPTOR Raw, PVOID Ctx, PIRP Irp, PKEVENT Done,
                            PWSK_SOCKET *Out)
{
    PSECURITY_DESCRIPTOR cached = NULL;
    NTSTATUS st;

    st = Npi->Dispatch->WskControlClient(Npi->Client, WSK_CACHE_SD, sizeof(Raw), &Raw,
                                         sizeof(cached), &cached, NULL, NULL);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    KeResetEvent(Done);
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, Ctx,
                                  &ListenDispatch, NULL, NULL, cached, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    Npi->Dispatch->WskControlClient(Npi->Client, WSK_RELEASE_SD, sizeof(cached), &cached, 0, NULL, NULL, NULL);
    if (NT_SUCCESS(st)) {
        *Out = (PWSK_SOCKET)Irp->IoStatus.Information;
    }
    return st;
}
