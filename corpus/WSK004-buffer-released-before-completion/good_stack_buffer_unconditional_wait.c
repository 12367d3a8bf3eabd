/* A stack buffer is fine when the function waits for completion before it returns. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE OptionDone;

NTSTATUS OptionDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS DisableV6Only(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    ULONG off = 0;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, OptionDone, &done, TRUE, TRUE, TRUE);
    dispatch->WskControlSocket(Socket, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, sizeof(off), &off, 0, NULL, NULL,
                               Irp);
    KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    return Irp->IoStatus.Status;
}
