/* Trap: a subcomponent deregisters when it is deactivated; unload deactivates it on every path, and
   the flag-guarded release covers the capture made at activation. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TRANSPORT {
    WSK_REGISTRATION Registration;
    WSK_PROVIDER_NPI Provider;
    BOOLEAN Active;
    BOOLEAN HaveProvider;
} TRANSPORT;

static TRANSPORT g_Transport;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static VOID TransportDeactivate(TRANSPORT *T)
{
    if (T->HaveProvider) {
        WskReleaseProviderNPI(&T->Registration);
        T->HaveProvider = FALSE;
    }
    WskDeregister(&T->Registration);
    T->Active = FALSE;
}

static NTSTATUS TransportActivate(TRANSPORT *T)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status = WskRegister(&npi, &T->Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    T->Active = TRUE;
    status = WskCaptureProviderNPI(&T->Registration, WSK_NO_WAIT, &T->Provider);
    T->HaveProvider = NT_SUCCESS(status);
    return STATUS_SUCCESS;
}

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    TransportDeactivate(&g_Transport);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return TransportActivate(&g_Transport);
}
