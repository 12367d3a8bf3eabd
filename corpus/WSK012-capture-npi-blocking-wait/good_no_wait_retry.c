/* DriverEntry tries WSK_NO_WAIT and leaves retries to a work item: nothing blocks boot. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static LONG g_Captured;
static PIO_WORKITEM g_Retry;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

IO_WORKITEM_ROUTINE RetryCapture;

VOID RetryCapture(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    if (NT_SUCCESS(WskCaptureProviderNPI(&g_Registration, 5000, &g_Provider))) {
        InterlockedExchange(&g_Captured, 1);
    }
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
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    DriverObject->DriverUnload = Unload;
    if (NT_SUCCESS(WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &g_Provider))) {
        g_Captured = 1;
    } else if (DriverObject->DeviceObject != NULL) {
        g_Retry = IoAllocateWorkItem(DriverObject->DeviceObject);
        if (g_Retry != NULL) {
            IoQueueWorkItem(g_Retry, RetryCapture, DelayedWorkQueue, NULL);
        }
    }
    return STATUS_SUCCESS;
}
