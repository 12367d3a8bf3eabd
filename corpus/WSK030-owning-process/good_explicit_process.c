/* The socket is created on behalf of the process that sent the request, and says so. */
#include <ntddk.h>
#include <wsk.h>

extern WSK_PROVIDER_NPI g_Npi;
extern const WSK_CLIENT_DATAGRAM_DISPATCH ClientDatagramDispatch;

DRIVER_DISPATCH ClientCreate;
DRIVER_INITIALIZE DriverEntry;

IO_COMPLETION_ROUTINE ClientSocketCreated;

NTSTATUS ClientSocketCreated(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ClientCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIRP wskIrp = IoAllocateIrp(1, FALSE);
    NTSTATUS st = STATUS_INSUFFICIENT_RESOURCES;

    if (wskIrp != NULL) {
        IoSetCompletionRoutine(wskIrp, ClientSocketCreated, NULL, TRUE, TRUE, TRUE);
        st = g_Npi.Dispatch->WskSocket(g_Npi.Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET,
                                       DeviceObject->DeviceExtension, &ClientDatagramDispatch,
                                       IoGetRequestorProcess(Irp), NULL, NULL, wskIrp);
    }
    Irp->IoStatus.Status = st;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return st;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CREATE] = ClientCreate;
    return STATUS_SUCCESS;
}
