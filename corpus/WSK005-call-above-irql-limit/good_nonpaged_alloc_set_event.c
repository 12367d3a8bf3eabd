/* Traps: non-paged allocations and KeSetEvent(..., FALSE) are fine at DISPATCH_LEVEL; the waiter sits
   at PASSIVE_LEVEL with the event on its stack (a synchronous wrapper). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RECORD {
    LIST_ENTRY Link;
    SIZE_T Length;
} RECORD, *PRECORD;

IO_COMPLETION_ROUTINE SyncDone;

NTSTATUS SyncDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PRECORD r = (PRECORD)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(RECORD), 'droR');
    PRECORD q = (PRECORD)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(RECORD), 'droR');
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    if (r != NULL) {
        ExFreePoolWithTag(r, 'droR');
    }
    if (q != NULL) {
        ExFreePoolWithTag(q, 'droR');
    }
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS BindSync(PWSK_SOCKET Socket, PSOCKADDR Local)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskBind(Socket, Local, 0, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}
