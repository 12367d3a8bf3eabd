/* Trap: the wait helper takes the request's status by value and, when it was pending, returns the
 * IRP's final IoStatus.Status itself (without storing it back into the parameter). The caller
 * tests what the helper returns before taking the socket. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SYNC_IO {
    PIRP Irp;
    KEVENT Done;
} SYNC_IO;

IO_COMPLETION_ROUTINE SyncIoDone;

NTSTATUS SyncIoDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS SyncIoFinish(SYNC_IO *Io, NTSTATUS Requested)
{
    if (Requested != STATUS_PENDING) {
        return Requested;
    }
    KeWaitForSingleObject(&Io->Done, Executive, KernelMode, FALSE, NULL);
    return Io->Irp->IoStatus.Status;
}

NTSTATUS OpenStream(PWSK_PROVIDER_NPI Provider, PSOCKADDR Local, PSOCKADDR Remote, PWSK_SOCKET *Out)
{
    SYNC_IO io;
    NTSTATUS st;

    *Out = NULL;
    io.Irp = IoAllocateIrp(1, FALSE);
    if (io.Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&io.Done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(io.Irp, SyncIoDone, &io.Done, TRUE, TRUE, TRUE);
    st = Provider->Dispatch->WskSocketConnect(Provider->Client, SOCK_STREAM, IPPROTO_TCP, Local, Remote,
                                              0, NULL, NULL, NULL, NULL, NULL, io.Irp);
    st = SyncIoFinish(&io, st);
    if (NT_SUCCESS(st)) {
        *Out = (PWSK_SOCKET)io.Irp->IoStatus.Information;
    }
    IoFreeIrp(io.Irp);
    return st;
}
