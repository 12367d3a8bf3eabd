/* Trap: the WSK_CLIENT_NPI itself may be a local (as in the WDK example); the registration block and
   the client dispatch table are globals. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    npi.ClientContext = NULL;
    npi.Dispatch = &g_Dispatch;
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;          /* a failed registration is not deregistered */
    }
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}
