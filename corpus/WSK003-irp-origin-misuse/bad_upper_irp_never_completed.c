/* The read dispatch routine passes its IRP to WskReceive with a completion routine that copies the
   byte count and stops completion processing -- but nobody completes the IRP afterwards. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _READER {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    SIZE_T LastRead;
} READER, *PREADER;

IO_COMPLETION_ROUTINE ReaderReadDone;

NTSTATUS ReaderReadDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    ((PREADER)Context)->LastRead = Irp->IoStatus.Information;
    return STATUS_MORE_PROCESSING_REQUIRED;  // expect: WSK003 "neither it nor ReaderRead calls IoCompleteRequest"
}

DRIVER_DISPATCH ReaderRead;

NTSTATUS ReaderRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PREADER reader = (PREADER)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = reader->Socket->Dispatch;

    IoMarkIrpPending(Irp);
    IoSetCompletionRoutine(Irp, ReaderReadDone, reader, TRUE, TRUE, TRUE);
    dispatch->WskReceive(reader->Socket, &reader->Buffer, 0, Irp);
    return STATUS_PENDING;
}
