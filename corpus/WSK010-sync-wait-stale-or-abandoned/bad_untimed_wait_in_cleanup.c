/* Closing the last handle tears the session down: the cleanup handler closes the socket and waits
   for the close without a timeout. If the close never completes, the closing process hangs. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SESSION {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} SESSION, *PSESSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH SessionCleanup;
DRIVER_DISPATCH SessionCreateClose;
IO_COMPLETION_ROUTINE SessionSignal;

NTSTATUS SessionSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS SessionCloseSocket(PSESSION Session)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Session->Socket->Dispatch;
    NTSTATUS status;

    KeInitializeEvent(&Session->Done, SynchronizationEvent, FALSE);
    IoReuseIrp(Session->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Session->Irp, SessionSignal, &Session->Done, TRUE, TRUE, TRUE);
    status = dispatch->WskCloseSocket(Session->Socket, Session->Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Session->Done, Executive, KernelMode, FALSE, NULL);  // expect: WSK010 "without a timeout for the WskCloseSocket request"
        status = Session->Irp->IoStatus.Status;
    }
    Session->Socket = NULL;
    return status;
}

NTSTATUS SessionCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PSESSION session = (PSESSION)IoGetCurrentIrpStackLocation(Irp)->FileObject->FsContext;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (session != NULL && session->Socket != NULL) {
        SessionCloseSocket(session);
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS SessionCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CREATE] = SessionCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = SessionCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = SessionCleanup;
    return STATUS_SUCCESS;
}
