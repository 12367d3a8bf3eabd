/* Every DeviceIoControl request initialises the socket library again, which registers with WSK. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static NTSTATUS SockLibInitialize(VOID)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    return WskRegister(&npi, &g_Registration); // expect: WSK014 "once per I/O request"
}

DRIVER_DISPATCH DeviceControl;

NTSTATUS DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(DeviceObject);
    status = SockLibInitialize();
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DeviceControl;
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}
