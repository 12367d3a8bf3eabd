/* A retry loop registers again after a success that a later step "undid" without deregistering. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

NTSTATUS StartWithRetries(VOID)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status = STATUS_UNSUCCESSFUL;
    ULONG attempt;

    for (attempt = 0; attempt < 3; attempt++) {
        status = WskRegister(&npi, &g_Registration); // expect: WSK014 "again"
        if (!NT_SUCCESS(status)) {
            continue;
        }
        status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &g_Provider);
        if (NT_SUCCESS(status)) {
            return STATUS_SUCCESS;
        }
    }
    return status;
}

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return StartWithRetries();
}
