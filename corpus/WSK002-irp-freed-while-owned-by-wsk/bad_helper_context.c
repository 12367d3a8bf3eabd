/* The socket and its IRP live in a context; a helper arms and submits, the caller frees on failure. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN {
    PWSK_SOCKET Socket;
    PIRP Irp;
    WSK_BUF Buffer;
} CONN, *PCONN;

IO_COMPLETION_ROUTINE ConnSendDone;

NTSTATUS ConnSendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PCONN conn = (PCONN)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    conn->Irp = NULL;
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS ConnStartSend(PCONN Conn)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Conn->Socket->Dispatch;
    IoSetCompletionRoutine(Conn->Irp, ConnSendDone, Conn, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Conn->Socket, &Conn->Buffer, 0, Conn->Irp);
}

NTSTATUS ConnSend(PCONN Conn)
{
    NTSTATUS status;

    Conn->Irp = IoAllocateIrp(1, FALSE);
    if (Conn->Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = ConnStartSend(Conn);
    if (!NT_SUCCESS(status)) {
        IoFreeIrp(Conn->Irp);  // expect: WSK002 "freed here and again by ConnSendDone"
    }
    return status;
}
