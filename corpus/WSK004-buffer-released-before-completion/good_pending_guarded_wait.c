/* Stack output buffers with a wait under `status == STATUS_PENDING`; an inline completion has
   already written them. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE RssDone;

NTSTATUS RssDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

BOOLEAN RssEnabled(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Socket->Dispatch;
    RSS_SCALABILITY_INFO info = { 0 };
    SIZE_T returned = 0;
    KEVENT done;
    NTSTATUS status;
    UCHAR storage[sizeof(IRP) + sizeof(IO_STACK_LOCATION)];
    PIRP irp = (PIRP)storage;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoInitializeIrp(irp, sizeof(storage), 1);
    IoSetCompletionRoutine(irp, RssDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskControlSocket(Socket, WskIoctl, SIO_QUERY_RSS_SCALABILITY_INFO, SOL_SOCKET, 0, NULL,
                                        sizeof(info), &info, &returned, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    return NT_SUCCESS(status) && info.RssEnabled;
}
