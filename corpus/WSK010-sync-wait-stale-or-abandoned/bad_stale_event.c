/* The bind completes inline and leaves the event set; the next wait returns before the query ends. */
#include <ntddk.h>
#include <wsk.h>

typedef union _SIRP {
    IRP Irp;
    UCHAR Storage[sizeof(IRP) + sizeof(IO_STACK_LOCATION)];
} SIRP;

static IO_COMPLETION_ROUTINE RaiseDone;

static NTSTATUS RaiseDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NETWORK_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS BindThenQuery(PWSK_SOCKET Sock, PSOCKADDR Sa)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Sock->Dispatch;
    KEVENT done;
    SIRP s;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoInitializeIrp(&s.Irp, sizeof(s.Storage), 1);
    IoSetCompletionRoutine(&s.Irp, RaiseDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskBind(Sock, Sa, 0, &s.Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = s.Irp.IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    IoInitializeIrp(&s.Irp, sizeof(s.Storage), 1);
    IoSetCompletionRoutine(&s.Irp, RaiseDone, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskGetLocalAddress(Sock, Sa, &s.Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);  // expect: WSK010 "still be signalled"
        status = s.Irp.IoStatus.Status;
    }
    return status;
}
