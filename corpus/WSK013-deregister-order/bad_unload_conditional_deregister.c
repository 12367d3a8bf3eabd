/* Deregistration happens only when the driver believes sockets were opened. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static LONG g_OpenSockets;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static VOID StopNetworking(VOID)
{
    if (g_OpenSockets > 0) {
        WskDeregister(&g_Registration);
    }
}

static VOID Unload(PDRIVER_OBJECT DriverObject) // expect: WSK013
{
    UNREFERENCED_PARAMETER(DriverObject);
    StopNetworking();
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return WskRegister(&npi, &g_Registration);
}
