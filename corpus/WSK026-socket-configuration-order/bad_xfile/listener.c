#include <ntddk.h>
#include <wsk.h>

PWSK_SOCKET g_Listener;

NTSTATUS CreateListener(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done)
{
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                               NULL, NULL, NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        g_Listener = (PWSK_SOCKET)Irp->IoStatus.Information;
    }
    return status;
}
