/* A completion routine tears the whole WSK client down when a receive fails. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;

static VOID ShutdownClient(VOID)
{
    WskDeregister(&g_Registration); // expect: WSK013 "reachable from ReceiveDone"
}

IO_COMPLETION_ROUTINE ReceiveDone;

NTSTATUS ReceiveDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        ShutdownClient();
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}
