/* Start-up order: the listener is created before the client-wide static callbacks are set. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS CreateListener(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done);
NTSTATUS SetStaticAccept(PWSK_PROVIDER_NPI Npi);

NTSTATUS StartNetworking(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done)
{
    NTSTATUS status = CreateListener(Npi, Irp, Done);
    if (NT_SUCCESS(status)) {
        status = SetStaticAccept(Npi); // expect: WSK026 "WSK_SET_STATIC_EVENT_CALLBACKS is issued after a socket was created"
    }
    return status;
}
