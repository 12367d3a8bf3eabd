/* The receive completion routine starts the next receive on the IRP that just completed, through the
   connection context, without IoReuseIrp: the IRP still carries the finished request's stack state. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _STREAM_RX {
    PWSK_SOCKET Socket;
    PIRP Irp;
    WSK_BUF Buffer;
    LONG64 Bytes;
} STREAM_RX, *PSTREAM_RX;

IO_COMPLETION_ROUTINE StreamRxDone;

NTSTATUS StreamRxDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PSTREAM_RX rx = (PSTREAM_RX)Context;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = rx->Socket->Dispatch;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (!NT_SUCCESS(Irp->IoStatus.Status) || Irp->IoStatus.Information == 0) {
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    InterlockedAdd64(&rx->Bytes, (LONG64)Irp->IoStatus.Information);
    dispatch->WskReceive(rx->Socket, &rx->Buffer, 0, rx->Irp);  // expect: WSK003 "submitted again", WSK011
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StreamRxStart(PSTREAM_RX Rx)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Rx->Socket->Dispatch;

    Rx->Irp = IoAllocateIrp(1, FALSE);
    if (Rx->Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(Rx->Irp, StreamRxDone, Rx, TRUE, TRUE, TRUE);
    return dispatch->WskReceive(Rx->Socket, &Rx->Buffer, 0, Rx->Irp);
}
