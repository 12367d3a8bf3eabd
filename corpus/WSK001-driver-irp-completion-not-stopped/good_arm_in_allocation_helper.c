/* The IRP is allocated and armed by a helper; the caller only submits it. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE FreeOnDone;

NTSTATUS FreeOnDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static PIRP AllocateArmedIrp(PVOID Context)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp != NULL) {
        IoSetCompletionRoutine(irp, FreeOnDone, Context, TRUE, TRUE, TRUE);
    }
    return irp;
}

NTSTATUS ListenAsync(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_STREAM_DISPATCH *dispatch = Socket->Dispatch;
    PIRP irp = AllocateArmedIrp(NULL);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return dispatch->WskListen(Socket, irp);
}
