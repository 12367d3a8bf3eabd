/* The dispatch routine frees the IRP the I/O manager gave it, in its completion routine. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DEV_EXT {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
} DEV_EXT, *PDEV_EXT;

IO_COMPLETION_ROUTINE ForwardDone;

NTSTATUS ForwardDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);  // expect: WSK003 "the I/O manager or a higher driver owns"
    return STATUS_MORE_PROCESSING_REQUIRED;
}

DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEV_EXT ext = (PDEV_EXT)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = ext->Socket->Dispatch;

    IoSetCompletionRoutine(Irp, ForwardDone, NULL, TRUE, TRUE, TRUE);
    return dispatch->WskReceive(ext->Socket, &ext->Buffer, 0, Irp);
}
