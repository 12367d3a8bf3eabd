/* The completion routine queues the next operation to a work item and only releases the
   indication and enables callbacks inline (no IRP). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _OP {
    PWSK_SOCKET Socket;
    PIO_WORKITEM WorkItem;
    PWSK_DATA_INDICATION Held;
} OP, *POP;

IO_WORKITEM_ROUTINE NextReceive;

VOID NextReceive(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
}

IO_COMPLETION_ROUTINE OpDone;

NTSTATUS OpDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    POP op = (POP)Context;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = op->Socket->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL control;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (op->Held != NULL) {
        dispatch->WskRelease(op->Socket, op->Held);
        op->Held = NULL;
    }
    control.NpiId = &NPI_WSK_INTERFACE_ID;
    control.EventMask = WSK_EVENT_RECEIVE;
    dispatch->Basic.WskControlSocket(op->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
                                     sizeof(control), &control, 0, NULL, NULL, NULL);
    IoQueueWorkItem(op->WorkItem, NextReceive, DelayedWorkQueue, op);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}
