/* WSK calls through cached dispatch pointers, a union of dispatch tables, and an IRP embedded in a
   union with a byte buffer (stack IRP storage). */
#include <ntddk.h>
#include <wsk.h>

typedef union _ANY_DISPATCH {
    const VOID *Raw;
    const WSK_PROVIDER_BASIC_DISPATCH *Basic;
    const WSK_PROVIDER_DATAGRAM_DISPATCH *Datagram;
    const WSK_PROVIDER_CONNECTION_DISPATCH *Connection;
} ANY_DISPATCH;

typedef struct _ENDPOINT {
    PWSK_SOCKET Socket;
    ANY_DISPATCH Dispatch;
    PFN_WSK_SEND_TO SendTo;
    union {
        IRP Irp;
        UCHAR Storage[sizeof(IRP) + sizeof(IO_STACK_LOCATION)];
    } IrpSpace;
    KEVENT Done;
} ENDPOINT;

static NTSTATUS WakeWaiter(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS EndpointSendTo(ENDPOINT *Ep, PWSK_BUF Buf, PSOCKADDR To)
{
    PIRP irp = &Ep->IrpSpace.Irp;
    NTSTATUS status;

    IoInitializeIrp(irp, sizeof(Ep->IrpSpace.Storage), 1);
    KeInitializeEvent(&Ep->Done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, WakeWaiter, &Ep->Done, TRUE, TRUE, TRUE);
    if (Ep->SendTo == NULL) {
        Ep->SendTo = Ep->Dispatch.Datagram->WskSendTo;
    }
    status = Ep->SendTo(Ep->Socket, Buf, 0, To, 0, NULL, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Ep->Done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS EndpointClose(ENDPOINT *Ep)
{
    PIRP irp = &Ep->IrpSpace.Irp;
    NTSTATUS status;

    IoInitializeIrp(irp, sizeof(Ep->IrpSpace.Storage), 1);
    KeInitializeEvent(&Ep->Done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, WakeWaiter, &Ep->Done, TRUE, TRUE, TRUE);
    status = Ep->Dispatch.Basic->WskCloseSocket(Ep->Socket, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Ep->Done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    return status;
}
