/* The completion routine is skipped when the request fails or is cancelled. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE ListenDone;

NTSTATUS ListenDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartListen(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_STREAM_DISPATCH *dispatch = Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, ListenDone, NULL, TRUE, FALSE, FALSE);  // expect: WSK001 "InvokeOnError, InvokeOnCancel"
    return dispatch->WskListen(Socket, irp);
}
