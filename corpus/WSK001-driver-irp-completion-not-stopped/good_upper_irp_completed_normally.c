/* A dispatch routine forwards its own IRP to WSK. The IRP belongs to the I/O manager: a completion
   routine is optional and may return STATUS_SUCCESS so that normal completion continues. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DEV_EXT {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    LONG Sent;
} DEV_EXT, *PDEV_EXT;

IO_COMPLETION_ROUTINE CountSent;

NTSTATUS CountSent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    InterlockedIncrement(&((PDEV_EXT)Context)->Sent);
    return STATUS_SUCCESS;
}

DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEV_EXT ext = (PDEV_EXT)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = ext->Socket->Dispatch;

    IoSetCompletionRoutine(Irp, CountSent, ext, TRUE, TRUE, TRUE);
    return dispatch->WskSend(ext->Socket, &ext->Buffer, 0, Irp);
}

DRIVER_DISPATCH DispatchFlush;

NTSTATUS DispatchFlush(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEV_EXT ext = (PDEV_EXT)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = ext->Socket->Dispatch;

    return dispatch->WskDisconnect(ext->Socket, NULL, 0, Irp);
}
