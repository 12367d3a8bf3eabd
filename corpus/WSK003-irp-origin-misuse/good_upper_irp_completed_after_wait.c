/* The dispatch routine passes its IRP to WSK and waits: the completion routine signals and stops
   completion, and the dispatch routine completes the IRP itself afterwards. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PIPE {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
} PIPE, *PPIPE;

IO_COMPLETION_ROUTINE PipeSignal;

NTSTATUS PipeSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

DRIVER_DISPATCH PipeWrite;

NTSTATUS PipeWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PPIPE pipe = (PPIPE)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = pipe->Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;

    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(Irp, PipeSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskSend(pipe->Socket, &pipe->Buffer, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}
