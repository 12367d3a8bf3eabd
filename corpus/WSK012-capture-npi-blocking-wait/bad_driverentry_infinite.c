/* DriverEntry captures the provider NPI with an infinite wait: boot can hang until WSK attaches. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_ProviderNpi;
static const WSK_CLIENT_DISPATCH g_ClientDispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    npi.ClientContext = NULL;
    npi.Dispatch = &g_ClientDispatch;
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_ProviderNpi); // expect: WSK012 "indefinitely"
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration);
        return status;
    }
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}
