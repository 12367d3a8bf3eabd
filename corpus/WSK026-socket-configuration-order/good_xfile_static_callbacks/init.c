/* Trap: the static accept callback is configured in this file, before any socket exists ... */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS CreateListener(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done);

static NTSTATUS SetStaticAccept(PWSK_PROVIDER_NPI Npi)
{
    WSK_EVENT_CALLBACK_CONTROL cc = { &NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT };
    return Npi->Dispatch->WskControlClient(Npi->Client, WSK_SET_STATIC_EVENT_CALLBACKS, sizeof(cc), &cc, 0, NULL,
                                           NULL, NULL);
}

NTSTATUS StartNetworking(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done)
{
    NTSTATUS status = SetStaticAccept(Npi);
    if (NT_SUCCESS(status)) {
        status = CreateListener(Npi, Irp, Done);
    }
    return status;
}
