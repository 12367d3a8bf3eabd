/* The stack size comes from the device object at run time. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _FWD {
    PDEVICE_OBJECT Device;
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
} FWD, *PFWD;

IO_COMPLETION_ROUTINE FwdDone;

NTSTATUS FwdDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS FwdSend(PFWD Fwd)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Fwd->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(Fwd->Device->StackSize, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, FwdDone, Fwd, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Fwd->Socket, &Fwd->Buffer, 0, irp);
}
