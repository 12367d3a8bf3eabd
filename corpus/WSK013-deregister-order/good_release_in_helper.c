/* Trap: unload reaches the release and the deregistration through helpers. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT {
    WSK_REGISTRATION Registration;
    WSK_PROVIDER_NPI Provider;
} CLIENT;

static CLIENT g_Client;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static VOID DetachProvider(CLIENT *Client)
{
    WskReleaseProviderNPI(&Client->Registration);
}

static VOID ClientStop(CLIENT *Client)
{
    DetachProvider(Client);
    WskDeregister(&Client->Registration);
}

static NTSTATUS ClientStart(CLIENT *Client)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status = WskRegister(&npi, &Client->Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WskCaptureProviderNPI(&Client->Registration, WSK_NO_WAIT, &Client->Provider);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&Client->Registration);
    }
    return status;
}

DRIVER_UNLOAD Unload;

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    ClientStop(&g_Client);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return ClientStart(&g_Client);
}
