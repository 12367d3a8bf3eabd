/* The close completion routine frees the binding only when the IRP was pended (PendingReturned); when
   WskCloseSocket completes inline, the caller frees it itself. One owner on every path. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _BINDING {
    PWSK_SOCKET Socket;
    IRP Irp;
    IO_STACK_LOCATION Stack;
} BINDING, *PBINDING;

static VOID BindingFree(PBINDING Binding)
{
    ExFreePoolWithTag(Binding, 'dniB');
}

IO_COMPLETION_ROUTINE BindingCloseDone;

NTSTATUS BindingCloseDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        BindingFree((PBINDING)Context);
    }
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID BindingDelete(PBINDING Binding)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Binding->Socket->Dispatch;
    NTSTATUS status;

    IoInitializeIrp(&Binding->Irp, sizeof(IRP) + sizeof(IO_STACK_LOCATION), 1);
    IoSetCompletionRoutine(&Binding->Irp, BindingCloseDone, Binding, TRUE, TRUE, TRUE);
    status = dispatch->WskCloseSocket(Binding->Socket, &Binding->Irp);
    if (status == STATUS_PENDING) {
        return;   /* BindingCloseDone frees it */
    }
    BindingFree(Binding);
}
