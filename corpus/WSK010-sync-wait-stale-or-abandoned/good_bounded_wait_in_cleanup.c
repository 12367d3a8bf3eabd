/* The cleanup handler bounds its wait for the close: on a timeout it cancels the request and then
   waits for the completion routine, which runs promptly once the IRP is cancelled. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LINK {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} LINK, *PLINK;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH LinkCleanup;
IO_COMPLETION_ROUTINE LinkSignal;

NTSTATUS LinkSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS LinkCloseSocket(PLINK Link)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Link->Socket->Dispatch;
    LARGE_INTEGER timeout;
    NTSTATUS status;

    timeout.QuadPart = -10 * 1000 * 1000 * 5LL;   /* 5 s */
    KeInitializeEvent(&Link->Done, SynchronizationEvent, FALSE);
    IoReuseIrp(Link->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Link->Irp, LinkSignal, &Link->Done, TRUE, TRUE, TRUE);
    status = dispatch->WskCloseSocket(Link->Socket, Link->Irp);
    if (status == STATUS_PENDING) {
        if (KeWaitForSingleObject(&Link->Done, Executive, KernelMode, FALSE, &timeout) == STATUS_TIMEOUT) {
            IoCancelIrp(Link->Irp);
            KeWaitForSingleObject(&Link->Done, Executive, KernelMode, FALSE, NULL);
        }
        status = Link->Irp->IoStatus.Status;
    }
    Link->Socket = NULL;
    return status;
}

NTSTATUS LinkCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PLINK link = (PLINK)IoGetCurrentIrpStackLocation(Irp)->FileObject->FsContext;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (link != NULL && link->Socket != NULL) {
        LinkCloseSocket(link);
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = LinkCleanup;
    return STATUS_SUCCESS;
}
