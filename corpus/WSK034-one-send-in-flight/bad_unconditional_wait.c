/* A log shipper: every record goes out with its own send, and the thread waits on the event
 * the completion routine sets, whatever WskSend returned. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SHIP_CTX {
    KEVENT Event;
    PIRP Irp;
} SHIP_CTX, *PSHIP_CTX;

typedef struct _RECORD {
    LIST_ENTRY Link;
    PMDL Mdl;
    ULONG Length;
} RECORD, *PRECORD;

IO_COMPLETION_ROUTINE ShipComplete;

NTSTATUS ShipComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PSHIP_CTX)Context)->Event, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID ShipRecords(PWSK_SOCKET Socket, PSHIP_CTX Ctx, PLIST_ENTRY Queue)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH conn = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;

    while (!IsListEmpty(Queue)) {
        PRECORD rec = CONTAINING_RECORD(RemoveHeadList(Queue), RECORD, Link);
        WSK_BUF buf;

        buf.Mdl = rec->Mdl;
        buf.Offset = 0;
        buf.Length = rec->Length;
        KeClearEvent(&Ctx->Event);
        IoReuseIrp(Ctx->Irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(Ctx->Irp, ShipComplete, Ctx, TRUE, TRUE, TRUE);
        conn->WskSend(Socket, &buf, 0, Ctx->Irp);  // expect: WSK034
        KeWaitForSingleObject(&Ctx->Event, Executive, KernelMode, FALSE, NULL);
    }
}
