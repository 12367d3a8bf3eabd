/* Keeps two receive requests posted per connection; each completion queues its repost. */
#include <ntddk.h>
#include <wsk.h>

#define OPS_PER_SOCKET 2

typedef struct _CONN_OP {
    struct _CONN *Conn;
    PIRP Irp;
    WSK_BUF Buf;
    PIO_WORKITEM Work;
} CONN_OP, *PCONN_OP;

typedef struct _CONN {
    PWSK_SOCKET Socket;
    CONN_OP Ops[OPS_PER_SOCKET];
} CONN, *PCONN;

IO_COMPLETION_ROUTINE ConnReceiveDone;
IO_WORKITEM_ROUTINE ConnRepost;

static VOID ConnPostReceive(PCONN_OP Op)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Op->Conn->Socket->Dispatch;
    IoReuseIrp(Op->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Op->Irp, ConnReceiveDone, Op, TRUE, TRUE, TRUE);
    conn->WskReceive(Op->Conn->Socket, &Op->Buf, 0, Op->Irp);
}

VOID ConnRepost(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    ConnPostReceive((PCONN_OP)Context);
}

NTSTATUS ConnReceiveDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PCONN_OP op = (PCONN_OP)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (NT_SUCCESS(Irp->IoStatus.Status) && Irp->IoStatus.Information != 0) {
        IoQueueWorkItem(op->Work, ConnRepost, DelayedWorkQueue, op);
    }
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID ConnStart(PCONN C)
{
    ULONG i;
    for (i = 0; i < OPS_PER_SOCKET; i++) {
        ConnPostReceive(&C->Ops[i]);
    }
}
