/* Creates a socket synchronously and hands it out only on success. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE NewSocketDone;

NTSTATUS NewSocketDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS NewStreamSocket(PWSK_PROVIDER_NPI Npi, PWSK_SOCKET *Socket)
{
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, NewSocketDone, &done, TRUE, TRUE, TRUE);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET,
                                      NULL, NULL, NULL, NULL, NULL, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        *Socket = (PWSK_SOCKET)irp->IoStatus.Information;
    }
    IoFreeIrp(irp);
    return status;
}
