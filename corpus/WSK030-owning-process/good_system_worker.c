/* The IOCTL only queues a work item; the socket is created in the System process, so NULL
 * OwningProcess is the System context the driver wants. */
#include <ntddk.h>
#include <wsk.h>

#define IOCTL_START_SERVICE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x810, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _SERVICE {
    PIO_WORKITEM Work;
    PWSK_PROVIDER_NPI Npi;
    PIRP WskIrp;
} SERVICE, *PSERVICE;

extern const WSK_CLIENT_LISTEN_DISPATCH ServiceListenDispatch;

IO_WORKITEM_ROUTINE StartServiceWorker;
DRIVER_DISPATCH ServiceDeviceControl;
DRIVER_INITIALIZE DriverEntry;

VOID StartServiceWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PSERVICE svc = (PSERVICE)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    svc->Npi->Dispatch->WskSocket(svc->Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, svc,
                                  &ServiceListenDispatch, NULL, NULL, NULL, svc->WskIrp);
}

NTSTATUS ServiceDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PSERVICE svc = (PSERVICE)DeviceObject->DeviceExtension;
    NTSTATUS st = STATUS_INVALID_DEVICE_REQUEST;

    if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_START_SERVICE) {
        IoQueueWorkItem(svc->Work, StartServiceWorker, DelayedWorkQueue, svc);
        st = STATUS_SUCCESS;
    }
    Irp->IoStatus.Status = st;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return st;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ServiceDeviceControl;
    return STATUS_SUCCESS;
}
