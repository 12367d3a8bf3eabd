/* Trap: DriverEntry only starts a system thread; the infinite wait runs on that thread, not at boot. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static BOOLEAN g_Captured;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

KSTART_ROUTINE NetThread;

VOID NetThread(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    if (NT_SUCCESS(WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_Provider))) {
        g_Captured = TRUE;
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    if (g_Captured) {
        WskReleaseProviderNPI(&g_Registration);
    }
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    HANDLE thread;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    DriverObject->DriverUnload = Unload;
    status = PsCreateSystemThread(&thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, NetThread, NULL);
    if (NT_SUCCESS(status)) {
        ZwClose(thread);
    }
    return STATUS_SUCCESS;
}
