/* Trap: at DISPATCH_LEVEL the capture uses WSK_NO_WAIT, and retries later from a work item that may wait. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static BOOLEAN g_Captured;
static PIO_WORKITEM g_RetryItem;

IO_WORKITEM_ROUTINE CaptureLater;

VOID CaptureLater(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    if (!g_Captured) {
        g_Captured = NT_SUCCESS(WskCaptureProviderNPI(&g_Registration, 2000, &g_Provider));
    }
}

static NTSTATUS WSKAPI OnClientEvent(PVOID ClientContext, ULONG EventType, PVOID Information, SIZE_T InformationLength)
{
    UNREFERENCED_PARAMETER(ClientContext);
    UNREFERENCED_PARAMETER(EventType);
    UNREFERENCED_PARAMETER(Information);
    UNREFERENCED_PARAMETER(InformationLength);
    if (!g_Captured) {
        if (NT_SUCCESS(WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &g_Provider))) {
            g_Captured = TRUE;
        } else {
            IoQueueWorkItem(g_RetryItem, CaptureLater, DelayedWorkQueue, NULL);
        }
    }
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DISPATCH g_ClientDispatch = { MAKE_WSK_VERSION(1, 0), 0, OnClientEvent };

VOID ReleaseProvider(VOID)
{
    if (g_Captured) {
        WskReleaseProviderNPI(&g_Registration);
        g_Captured = FALSE;
    }
}
