/* A probe captures the NPI and deregisters on its failure path while the capture is still held. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static NTSTATUS QueryVersion(PWSK_PROVIDER_NPI Provider, PULONG Version)
{
    if (Provider->Dispatch == NULL) {
        return STATUS_NOT_SUPPORTED;
    }
    *Version = Provider->Dispatch->Version;
    return STATUS_SUCCESS;
}

NTSTATUS ProbeWsk(PULONG Version)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    WSK_PROVIDER_NPI provider;
    NTSTATUS status;

    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &provider); // expect: WSK015 "not released on a path"
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration);
        return status;
    }
    status = QueryVersion(&provider, Version);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration); // expect: WSK013 "still held"
        return status;
    }
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
    return STATUS_SUCCESS;
}
