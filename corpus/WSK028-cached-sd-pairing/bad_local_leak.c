/* Caches a descriptor per listener and closes the socket at the end, but nothing releases the
 * cached copy: closing a socket does not. */
#include <ntddk.h>
#include <wsk.h>

extern const WSK_CLIENT_LISTEN_DISPATCH ListenDispatch;

NTSTATUS ProbeSharedPort(PWSK_PROVIDER_NPI Npi, PSECURITY_DESCRIPTOR Raw, PIRP Irp, PKEVENT Done,
                         PWSK_SOCKET *Out)
{
    PSECURITY_DESCRIPTOR cached = NULL;
    NTSTATUS st;

    st = Npi->Dispatch->WskControlClient(Npi->Client, WSK_CACHE_SD, sizeof(Raw), &Raw,  // expect: WSK028 "not released"
                                         sizeof(cached), &cached, NULL, NULL);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    KeResetEvent(Done);
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                  NULL, &ListenDispatch, NULL, NULL, cached, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(st)) {
        *Out = (PWSK_SOCKET)Irp->IoStatus.Information;
    }
    return st;
}
