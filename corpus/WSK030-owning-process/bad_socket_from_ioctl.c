/* Creates a listening socket while handling an IOCTL: the socket gets the security context of
 * whichever process sent the IOCTL. */
#include <ntddk.h>
#include <wsk.h>

#define IOCTL_OPEN_PORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

extern WSK_PROVIDER_NPI g_Npi;
extern const WSK_CLIENT_LISTEN_DISPATCH PortListenDispatch;

DRIVER_DISPATCH PortDeviceControl;
DRIVER_UNLOAD PortUnload;
DRIVER_INITIALIZE DriverEntry;

IO_COMPLETION_ROUTINE PortCreated;

NTSTATUS PortCreated(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS OpenPort(PVOID Ctx, PIRP WskIrp)
{
    IoSetCompletionRoutine(WskIrp, PortCreated, Ctx, TRUE, TRUE, TRUE);
    return g_Npi.Dispatch->WskSocket(g_Npi.Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,  // expect: WSK030 "OwningProcess NULL"
                                     Ctx, &PortListenDispatch, NULL, NULL, NULL, WskIrp);
}

NTSTATUS PortDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS st = STATUS_INVALID_DEVICE_REQUEST;
    PIRP wskIrp;

    if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_OPEN_PORT) {
        wskIrp = IoAllocateIrp(1, FALSE);
        st = wskIrp != NULL ? OpenPort(DeviceObject->DeviceExtension, wskIrp) : STATUS_INSUFFICIENT_RESOURCES;
    }
    Irp->IoStatus.Status = st;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return st;
}

VOID PortUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = PortDeviceControl;
    DriverObject->DriverUnload = PortUnload;
    return STATUS_SUCCESS;
}
