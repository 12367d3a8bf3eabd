/* Stack output buffers with a wait under `status == STATUS_PENDING`; an inline completion has
   already written them. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE OptDone;

NTSTATUS OptDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

ULONG ReceiveBufferSize(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Socket->Dispatch;
    ULONG value = 0;
    SIZE_T returned = 0;
    KEVENT done;
    NTSTATUS status;
    UCHAR storage[sizeof(IRP) + sizeof(IO_STACK_LOCATION)];
    PIRP irp = (PIRP)storage;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoInitializeIrp(irp, sizeof(storage), 1);
    IoSetCompletionRoutine(irp, OptDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskControlSocket(Socket, WskGetOption, SO_RCVBUF, SOL_SOCKET, 0, NULL, sizeof(value), &value,
                                        &returned, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    return NT_SUCCESS(status) ? value : 0;
}
