/* The unload routine frees the listener context but never deregisters from WSK. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LISTENER {
    PWSK_SOCKET Socket;
    ULONG Port;
} LISTENER, *PLISTENER;

static WSK_REGISTRATION g_Registration;
static PLISTENER g_Listener;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject) // expect: WSK013 "can return without calling WskDeregister"
{
    UNREFERENCED_PARAMETER(DriverObject);
    if (g_Listener != NULL) {
        ExFreePoolWithTag(g_Listener, 'nsiL');
        g_Listener = NULL;
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    g_Listener = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(LISTENER), 'nsiL');
    if (g_Listener == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(g_Listener, 'nsiL');
        return status;
    }
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}
