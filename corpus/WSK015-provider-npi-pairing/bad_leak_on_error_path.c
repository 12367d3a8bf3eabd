/* The listener setup fails and the function returns without releasing the captured NPI. */
#include <ntddk.h>
#include <wsk.h>

extern WSK_REGISTRATION g_Registration;

NTSTATUS CreateListener(PWSK_PROVIDER_NPI Provider);

NTSTATUS StartService(VOID)
{
    WSK_PROVIDER_NPI provider;
    NTSTATUS status;

    status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &provider); // expect: WSK015 "not released on a path"
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = CreateListener(&provider);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WskReleaseProviderNPI(&g_Registration);
    return STATUS_SUCCESS;
}
