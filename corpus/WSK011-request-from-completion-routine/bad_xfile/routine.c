/* The connect completion routine immediately starts the first receive (in receive.c). */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS StartFirstReceive(PVOID Connection);

IO_COMPLETION_ROUTINE ConnectedDone;

NTSTATUS ConnectedDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (NT_SUCCESS(Irp->IoStatus.Status)) {
        StartFirstReceive(Context);
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}
