/* Completion routines shared by the driver's asynchronous requests. */
#include <ntddk.h>
#include <wsk.h>

#define REQUEST_FINISHED STATUS_SUCCESS

IO_COMPLETION_ROUTINE ConnectDone;

NTSTATUS ConnectDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    *(NTSTATUS *)Context = Irp->IoStatus.Status;
    IoFreeIrp(Irp);
    return REQUEST_FINISHED;  // expect: WSK001 "returns STATUS_SUCCESS"
}
