/* A reviewed WSK012 finding is suppressed with a reason on the line before it: this driver is
   demand-start and only loaded once the network stack is up, so the infinite wait cannot delay
   boot. The suppression is used, so nothing is reported. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    // wsklint: ignore[WSK012] demand-start driver, loaded by the service after the network is up
    status = WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_Provider);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration);
        return status;
    }
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}
