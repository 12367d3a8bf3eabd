/* The socket is taken from the IRP before anybody checked that WskSocket succeeded. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE CreateDone;

NTSTATUS CreateDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS CreateUdpSocket(PWSK_PROVIDER_NPI Npi, PWSK_SOCKET *Out)
{
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, CreateDone, &done, TRUE, TRUE, TRUE);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET,
                                      NULL, NULL, NULL, NULL, NULL, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    }
    *Out = (PWSK_SOCKET)irp->IoStatus.Information;  // expect: WSK009 "without checking that WskSocket succeeded"
    status = irp->IoStatus.Status;
    IoFreeIrp(irp);
    return status;
}
