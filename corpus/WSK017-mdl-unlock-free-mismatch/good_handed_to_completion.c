/* The completion routine unlocks and frees the MDL it gets through its context. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LOCKED_SEND {
    WSK_BUF Buffer;
    PMDL Mdl;
} LOCKED_SEND, *PLOCKED_SEND;

IO_COMPLETION_ROUTINE LockedSendDone;

NTSTATUS LockedSendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PLOCKED_SEND ls = (PLOCKED_SEND)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    MmUnlockPages(ls->Mdl);
    IoFreeMdl(ls->Mdl);
    ExFreePoolWithTag(ls, 'dSkL');
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartLockedSend(PWSK_SOCKET Socket, PVOID Data, ULONG Length)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    PLOCKED_SEND ls;
    PIRP irp;
    PMDL mdl = IoAllocateMdl(Data, Length, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return STATUS_ACCESS_VIOLATION;
    }
    ls = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*ls), 'dSkL');
    irp = IoAllocateIrp(1, FALSE);
    if (ls == NULL || irp == NULL) {
        if (irp != NULL) {
            IoFreeIrp(irp);
        }
        if (ls != NULL) {
            ExFreePoolWithTag(ls, 'dSkL');
        }
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ls->Mdl = mdl;
    ls->Buffer.Mdl = mdl;
    ls->Buffer.Offset = 0;
    ls->Buffer.Length = Length;
    IoSetCompletionRoutine(irp, LockedSendDone, ls, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Socket, &ls->Buffer, 0, irp);
}
