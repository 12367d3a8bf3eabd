/* Shared request preparation: re-arms the IRP on the context's event (it does not reset it). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _REQ {
    PIRP Irp;
    KEVENT Event;
} REQ, *PREQ;

IO_COMPLETION_ROUTINE ReqSignal;

NTSTATUS ReqSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID ReqPrepare(PREQ Req)
{
    IoReuseIrp(Req->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Req->Irp, ReqSignal, &Req->Event, TRUE, TRUE, TRUE);
}
