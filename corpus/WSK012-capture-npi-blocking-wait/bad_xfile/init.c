/* DriverEntry (in entry.c) calls into this file, which waits for the provider without a limit. */
#include <ntddk.h>
#include <wsk.h>

WSK_REGISTRATION g_Registration;
WSK_PROVIDER_NPI g_Provider;
BOOLEAN g_Captured;
static const WSK_CLIENT_DISPATCH g_ClientDispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

NTSTATUS NetStart(VOID)
{
    WSK_CLIENT_NPI npi = { NULL, &g_ClientDispatch };
    NTSTATUS status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_Provider); // expect: WSK012 "waits indefinitely (WSK_INFINITE_WAIT) on a path from driver entry DriverEntry"
    g_Captured = NT_SUCCESS(status);
    return STATUS_SUCCESS;
}

VOID NetStop(VOID)
{
    if (g_Captured) {
        WskReleaseProviderNPI(&g_Registration);
    }
    WskDeregister(&g_Registration);
}
