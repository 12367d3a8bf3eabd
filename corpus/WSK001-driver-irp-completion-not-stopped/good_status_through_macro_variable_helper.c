/* STATUS_MORE_PROCESSING_REQUIRED returned through a macro, a variable and a helper. */
#include <ntddk.h>
#include <wsk.h>

#define STOP_COMPLETION STATUS_MORE_PROCESSING_REQUIRED

typedef struct _REQ {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    NTSTATUS Result;
} REQ, *PREQ;

static NTSTATUS FinishRequest(PIRP Irp, PREQ Req)
{
    Req->Result = Irp->IoStatus.Status;
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

IO_COMPLETION_ROUTINE SendDoneHelper;
IO_COMPLETION_ROUTINE ReceiveDoneVariable;
IO_COMPLETION_ROUTINE DisconnectDoneMacro;

NTSTATUS SendDoneHelper(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    return FinishRequest(Irp, (PREQ)Context);
}

NTSTATUS ReceiveDoneVariable(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    NTSTATUS keep = STATUS_MORE_PROCESSING_REQUIRED;
    UNREFERENCED_PARAMETER(DeviceObject);
    ((PREQ)Context)->Result = Irp->IoStatus.Status;
    IoFreeIrp(Irp);
    return keep;
}

NTSTATUS DisconnectDoneMacro(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STOP_COMPLETION;
}

NTSTATUS StartRequest(PREQ Req, int Which)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Req->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Which == 0) {
        IoSetCompletionRoutine(irp, SendDoneHelper, Req, TRUE, TRUE, TRUE);
        return dispatch->WskSend(Req->Socket, &Req->Buffer, 0, irp);
    }
    if (Which == 1) {
        IoSetCompletionRoutine(irp, ReceiveDoneVariable, Req, TRUE, TRUE, TRUE);
        return dispatch->WskReceive(Req->Socket, &Req->Buffer, 0, irp);
    }
    IoSetCompletionRoutine(irp, DisconnectDoneMacro, Req, TRUE, TRUE, TRUE);
    return dispatch->WskDisconnect(Req->Socket, NULL, 0, irp);
}
