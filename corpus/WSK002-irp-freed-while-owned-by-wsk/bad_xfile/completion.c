/* Completion routine of the asynchronous disconnect: it frees the IRP. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE DisconnectDone;

NTSTATUS DisconnectDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}
