/* The pages are unlocked and the MDL freed right after the asynchronous send was started. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE AsyncSendDone;

NTSTATUS AsyncSendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendLocked(PWSK_SOCKET Socket, PVOID Data, ULONG Length)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF buf;
    NTSTATUS status;
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
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        MmUnlockPages(mdl);
        IoFreeMdl(mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    buf.Mdl = mdl;
    buf.Offset = 0;
    buf.Length = Length;
    IoSetCompletionRoutine(irp, AsyncSendDone, NULL, TRUE, TRUE, TRUE);
    status = dispatch->WskSend(Socket, &buf, 0, irp);
    MmUnlockPages(mdl);  // expect: WSK017 "unlocked while the WskSend request"
    IoFreeMdl(mdl);  // expect: WSK017 "freed while the WskSend request"
    return status;
}
