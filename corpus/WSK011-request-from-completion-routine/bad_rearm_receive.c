/* The receive completion routine re-arms itself and starts the next receive in place. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RX {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    LONG64 Bytes;
} RX, *PRX;

IO_COMPLETION_ROUTINE RxDone;

NTSTATUS RxDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PRX rx = (PRX)Context;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = rx->Socket->Dispatch;

    UNREFERENCED_PARAMETER(DeviceObject);
    InterlockedAdd64(&rx->Bytes, (LONG64)Irp->IoStatus.Information);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, RxDone, rx, TRUE, TRUE, TRUE);
    dispatch->WskReceive(rx->Socket, &rx->Buffer, 0, Irp);  // expect: WSK011 "recurse without bound"
    return STATUS_MORE_PROCESSING_REQUIRED;
}
