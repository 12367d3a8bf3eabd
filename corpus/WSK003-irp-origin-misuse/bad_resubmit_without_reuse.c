/* A receive loop that sets the completion routine again but never calls IoReuseIrp. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE LoopSignal;

NTSTATUS LoopSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ReceiveN(PWSK_SOCKET Socket, PWSK_BUF Buffer, ULONG Count)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    for (i = 0; i < Count; i++) {
        IoSetCompletionRoutine(irp, LoopSignal, &done, TRUE, TRUE, TRUE);
        status = dispatch->WskReceive(Socket, Buffer, 0, irp);  // expect: WSK003 "without IoReuseIrp", WSK036 "one receive in flight"
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
        if (!NT_SUCCESS(status)) {
            break;
        }
    }
    IoFreeIrp(irp);
    return status;
}
