/* The send/receive helpers of a small socket layer: both wait for their IRP. */
#include <ntddk.h>
#include <wsk.h>
#include "sockapi.h"

IO_COMPLETION_ROUTINE SockApiComplete;

NTSTATUS SockApiComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS Transfer(PSOCKAPI_CONN C, PWSK_BUF Buf, BOOLEAN Receive)
{
    KEVENT done;
    NTSTATUS status;

    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoReuseIrp(C->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(C->Irp, SockApiComplete, &done, TRUE, TRUE, TRUE);
    if (Receive) {
        status = C->Dispatch->WskReceive(C->Socket, Buf, 0, C->Irp);
    } else {
        status = C->Dispatch->WskSend(C->Socket, Buf, 0, C->Irp);
    }
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = C->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS SockApiSend(PSOCKAPI_CONN C, PWSK_BUF Buf)
{
    return Transfer(C, Buf, FALSE);
}

NTSTATUS SockApiReceive(PSOCKAPI_CONN C, PWSK_BUF Buf)
{
    return Transfer(C, Buf, TRUE);
}
