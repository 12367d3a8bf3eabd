/* Trap: the lock is recorded in a flag set right after MmProbeAndLockPages inside __try; the
 * shared exit unlocks only when the flag says so, after the send completed. If the probe raises,
 * the flag is still FALSE and nothing is unlocked. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE SendWake;

NTSTATUS SendWake(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendUserBytes(PWSK_SOCKET Sock, PVOID UserData, ULONG Size)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *ops = Sock->Dispatch;
    WSK_BUF wb;
    KEVENT done;
    PIRP irp = NULL;
    BOOLEAN pinned = FALSE;
    NTSTATUS st;

    wb.Offset = 0;
    wb.Length = Size;
    wb.Mdl = IoAllocateMdl(UserData, Size, FALSE, FALSE, NULL);
    if (wb.Mdl == NULL) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        goto Done;
    }
    __try {
        MmProbeAndLockPages(wb.Mdl, UserMode, IoReadAccess);
        pinned = TRUE;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        st = GetExceptionCode();
        goto Done;
    }
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        goto Done;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, SendWake, &done, TRUE, TRUE, TRUE);
    st = ops->WskSend(Sock, &wb, 0, irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        st = irp->IoStatus.Status;
    }
Done:
    if (irp != NULL) {
        IoFreeIrp(irp);
    }
    if (wb.Mdl) {
        if (pinned) {
            MmUnlockPages(wb.Mdl);
        }
        IoFreeMdl(wb.Mdl);
    }
    return st;
}
