/* The completion routine signals an event on the caller's stack, but the caller does not wait when
   the request pends. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE SetDoneEvent;

NTSTATUS SetDoneEvent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS TryListen(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_STREAM_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, SetDoneEvent, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskListen(Socket, Irp);  // expect: WSK004 "completion context '&done'"
    if (status == STATUS_PENDING) {
        return STATUS_RETRY;
    }
    return status;
}
