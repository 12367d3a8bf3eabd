/* The unload routine was fixed (it now releases the NPI and deregisters), but the suppression that
   covered the old bug was left behind. */
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
    // expect: WSK900 "matched no finding"
    // wsklint: ignore[WSK013] the NPI is released by the cleanup worker before unload runs
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
    status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &g_Provider);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration);
        return status;
    }
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}
