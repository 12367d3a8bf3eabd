/* The client dispatch table is a local: WSK keeps reading it after this function returns. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_DISPATCH dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };
    WSK_CLIENT_NPI npi;

    UNREFERENCED_PARAMETER(RegistryPath);
    npi.ClientContext = NULL;
    npi.Dispatch = &dispatch;
    DriverObject->DriverUnload = Unload;
    return WskRegister(&npi, &g_Registration); // expect: WSK014 "Dispatch points to 'dispatch'"
}
