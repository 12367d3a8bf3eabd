/* Trap: the unload helper deregisters only when start-up got that far; the start-up records its
 * state through an interlocked helper (the flag is passed by address, never assigned directly). */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Reg;
static WSK_PROVIDER_NPI g_Provider;
static volatile LONG g_NetState;   /* 0: down, 1: registered and provider captured */
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static NTSTATUS NetStart(VOID)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status = WskRegister(&npi, &g_Reg);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WskCaptureProviderNPI(&g_Reg, WSK_NO_WAIT, &g_Provider);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Reg);
        return status;
    }
    InterlockedExchange(&g_NetState, 1);
    return STATUS_SUCCESS;
}

static VOID NetStop(VOID)
{
    if (InterlockedCompareExchange(&g_NetState, 0, 1) != 1) {
        return;
    }
    WskReleaseProviderNPI(&g_Reg);
    WskDeregister(&g_Reg);
}

DRIVER_UNLOAD DrvUnload;

VOID DrvUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NetStop();
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = DrvUnload;
    return NetStart();
}
