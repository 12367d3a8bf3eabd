/* Trap: early returns happen before the capture, and every later path leaves through one release. */
#include <ntddk.h>
#include <wsk.h>

extern WSK_REGISTRATION g_Registration;

NTSTATUS ResolveAndConnect(PWSK_PROVIDER_NPI Provider, PCUNICODE_STRING Host);

NTSTATUS Connect(PCUNICODE_STRING Host)
{
    WSK_PROVIDER_NPI provider;
    NTSTATUS status;

    if (Host == NULL || Host->Length == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &provider);
    if (!NT_SUCCESS(status)) {
        return status;                       /* nothing was captured */
    }
    status = ResolveAndConnect(&provider, Host);
    if (!NT_SUCCESS(status)) {
        goto Release;
    }
    status = STATUS_SUCCESS;
Release:
    WskReleaseProviderNPI(&g_Registration);
    return status;
}
