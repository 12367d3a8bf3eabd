/* The completion routine owns the IRP and its context; the caller only returns the status. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TX {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    PMDL Mdl;
} TX, *PTX;

IO_COMPLETION_ROUTINE TxDone;

NTSTATUS TxDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PTX tx = (PTX)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    IoFreeMdl(tx->Mdl);
    ExFreePoolWithTag(tx, 'xTxT');
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS TxStart(PTX Tx)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Tx->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        IoFreeMdl(Tx->Mdl);
        ExFreePoolWithTag(Tx, 'xTxT');
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, TxDone, Tx, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Tx->Socket, &Tx->Buffer, 0, irp);
}
