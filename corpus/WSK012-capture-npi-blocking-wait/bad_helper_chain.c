/* The blocking capture hides two helpers below DriverEntry. */
#include <ntddk.h>
#include <wsk.h>

#define NET_WAIT_FOREVER WSK_INFINITE_WAIT

typedef struct _NET_STATE {
    WSK_REGISTRATION Registration;
    WSK_PROVIDER_NPI Provider;
    BOOLEAN Captured;
} NET_STATE;

static NET_STATE g_Net;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static NTSTATUS AttachProvider(NET_STATE *Net)
{
    NTSTATUS status = WskCaptureProviderNPI(&Net->Registration, NET_WAIT_FOREVER, &Net->Provider); // expect: WSK012
    Net->Captured = NT_SUCCESS(status);
    return status;
}

static NTSTATUS NetInitialize(NET_STATE *Net)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status = WskRegister(&npi, &Net->Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return AttachProvider(Net);
}

static VOID NetShutdown(NET_STATE *Net)
{
    if (Net->Captured) {
        WskReleaseProviderNPI(&Net->Registration);
    }
    WskDeregister(&Net->Registration);
}

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NetShutdown(&g_Net);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return NetInitialize(&g_Net);
}
