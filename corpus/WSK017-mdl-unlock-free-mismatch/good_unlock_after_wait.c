/* Unlock and free after the request completed, on every path; only IoFreeMdl on the exception path. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE RecvSignal;

NTSTATUS RecvSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ReceiveExact(PWSK_SOCKET Socket, PVOID Data, ULONG Length, PIRP Irp, PSIZE_T Received)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    WSK_BUF buf;
    NTSTATUS status;

    buf.Offset = 0;
    buf.Length = Length;
    buf.Mdl = IoAllocateMdl(Data, Length, FALSE, FALSE, NULL);
    if (buf.Mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(buf.Mdl, KernelMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(buf.Mdl);
        return STATUS_ACCESS_VIOLATION;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, RecvSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(Socket, &buf, WSK_FLAG_WAITALL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    *Received = NT_SUCCESS(status) ? Irp->IoStatus.Information : 0;
    MmUnlockPages(buf.Mdl);
    IoFreeMdl(buf.Mdl);
    return status;
}
