/* Trap: the WSK client is initialised lazily on the first socket request (so boot never waits for
   WSK), once, under a lock and an "initialised" state; later requests return early. The lock is an
   ERESOURCE in a critical region, which keeps IRQL at PASSIVE_LEVEL as WskRegister and a waiting
   WskCaptureProviderNPI require (a fast mutex would raise to APC_LEVEL). */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static ERESOURCE g_InitLock;
static NTSTATUS g_InitStatus = STATUS_RETRY;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static NTSTATUS EnsureWsk(VOID)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status;

    KeEnterCriticalRegion();
    ExAcquireResourceExclusiveLite(&g_InitLock, TRUE);
    if (g_InitStatus != STATUS_RETRY) {
        status = g_InitStatus;
        goto Out;
    }
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        goto Out;
    }
    status = WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_Provider);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration);
        goto Out;
    }
    g_InitStatus = STATUS_SUCCESS;
Out:
    ExReleaseResourceLite(&g_InitLock);
    KeLeaveCriticalRegion();
    return status;
}

DRIVER_DISPATCH DeviceControl;

NTSTATUS DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(DeviceObject);
    status = EnsureWsk();
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    if (g_InitStatus == STATUS_SUCCESS) {
        WskReleaseProviderNPI(&g_Registration);
        WskDeregister(&g_Registration);
    }
    ExDeleteResourceLite(&g_InitLock);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    ExInitializeResourceLite(&g_InitLock);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DeviceControl;
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}
