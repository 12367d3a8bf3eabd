/* IRPs on the stack, initialised again for every request after the previous one completed. */
#include <ntddk.h>
#include <wsk.h>

typedef union _STACK_IRP {
    IRP Irp;
    UCHAR Storage[sizeof(IRP) + sizeof(IO_STACK_LOCATION)];
} STACK_IRP;

static IO_COMPLETION_ROUTINE WakeWaiter;

static NTSTATUS WakeWaiter(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NETWORK_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS BindAndQuery(PWSK_SOCKET Socket, PSOCKADDR Address)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    STACK_IRP s;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoInitializeIrp(&s.Irp, sizeof(s.Storage), 1);
    IoSetCompletionRoutine(&s.Irp, WakeWaiter, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskBind(Socket, Address, 0, &s.Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = s.Irp.IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }

    KeClearEvent(&done);
    IoInitializeIrp(&s.Irp, sizeof(s.Storage), 1);
    IoSetCompletionRoutine(&s.Irp, WakeWaiter, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskGetLocalAddress(Socket, Address, &s.Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = s.Irp.IoStatus.Status;
    }
    return status;
}
