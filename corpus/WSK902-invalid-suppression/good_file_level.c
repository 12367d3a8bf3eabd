/* A file-level suppression: every WSK013 finding in this file is reviewed. */
// wsklint: ignore-file[WSK013] the worker thread deregisters when it sees g_Stop
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };
static KEVENT g_Stop;

/* The worker thread (not shown) deregisters when it sees g_Stop: a hand-off wsklint cannot follow. */
static VOID StopWorkerAndDeregister(VOID)
{
    KeSetEvent(&g_Stop, IO_NO_INCREMENT, FALSE);
}

DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    StopWorkerAndDeregister();
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
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}
