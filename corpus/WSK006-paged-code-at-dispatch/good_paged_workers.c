/* Traps: pageable code that only runs at PASSIVE_LEVEL (driver entry, unload, a system thread, a work
   item), a synchronous wrapper whose completion context is an event on the waiting thread's stack
   (KernelMode wait keeps the stack resident), and contexts from non-paged pool or globals. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _WORKER {
    KEVENT Wake;
    BOOLEAN Stop;
    PIO_WORKITEM Item;
    PWSK_SOCKET Socket;
} WORKER, *PWORKER;

static WORKER g_Worker;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Unload;
KSTART_ROUTINE WorkerThread;
IO_WORKITEM_ROUTINE Housekeeping;
IO_COMPLETION_ROUTINE SyncDone;

#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Unload)
#pragma alloc_text(PAGE, WorkerThread)
#pragma alloc_text(PAGE, Housekeeping)

NTSTATUS SyncDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS CloseSync(PWSK_SOCKET Socket)
{
    PWSK_PROVIDER_BASIC_DISPATCH dispatch = (PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp;

    PAGED_CODE();
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskCloseSocket(Socket, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}

VOID Housekeeping(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PWORKER w = (PWORKER)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    PAGED_CODE();
    if (w->Socket != NULL) {
        CloseSync(w->Socket);
        w->Socket = NULL;
    }
}

VOID WorkerThread(PVOID Context)
{
    PWORKER w = (PWORKER)Context;
    PAGED_CODE();
    while (!w->Stop) {
        KeWaitForSingleObject(&w->Wake, Executive, KernelMode, FALSE, NULL);
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    g_Worker.Stop = TRUE;
    KeSetEvent(&g_Worker.Wake, IO_NO_INCREMENT, FALSE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    HANDLE thread;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeEvent(&g_Worker.Wake, SynchronizationEvent, FALSE);
    DriverObject->DriverUnload = Unload;
    status = PsCreateSystemThread(&thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, WorkerThread, &g_Worker);
    if (NT_SUCCESS(status)) {
        ZwClose(thread);
    }
    return status;
}
