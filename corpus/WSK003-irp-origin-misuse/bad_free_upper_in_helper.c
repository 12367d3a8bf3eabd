/* A dispatch routine hands its IRP to a cleanup helper that frees it instead of completing it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DEV_EXT {
    PWSK_SOCKET Socket;
    LONG Rejected;
} DEV_EXT, *PDEV_EXT;

static VOID RejectRequest(PDEV_EXT Ext, PIRP Request)
{
    InterlockedIncrement(&Ext->Rejected);
    IoFreeIrp(Request);
}

DRIVER_DISPATCH DispatchControl;

NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEV_EXT ext = (PDEV_EXT)DeviceObject->DeviceExtension;

    if (ext->Socket == NULL) {
        RejectRequest(ext, Irp);  // expect: WSK003 "the I/O manager or a higher driver owns"
        return STATUS_INVALID_DEVICE_STATE;
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}
