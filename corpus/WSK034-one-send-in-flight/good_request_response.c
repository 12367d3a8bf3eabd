/* Trap: a request/response protocol. Each request is answered before the next one is sent, so
 * waiting for the send is inherent to the protocol, not a throughput problem. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RPC_CHANNEL {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} RPC_CHANNEL, *PRPC_CHANNEL;

IO_COMPLETION_ROUTINE RpcComplete;

NTSTATUS RpcComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS RpcIo(PRPC_CHANNEL Ch, PWSK_BUF Buf, BOOLEAN Send)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Ch->Socket->Dispatch;
    NTSTATUS st;

    KeResetEvent(&Ch->Done);
    IoReuseIrp(Ch->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Ch->Irp, RpcComplete, &Ch->Done, TRUE, TRUE, TRUE);
    if (Send) {
        st = conn->WskSend(Ch->Socket, Buf, 0, Ch->Irp);
    } else {
        st = conn->WskReceive(Ch->Socket, Buf, 0, Ch->Irp);
    }
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&Ch->Done, Executive, KernelMode, FALSE, NULL);
        st = Ch->Irp->IoStatus.Status;
    }
    return st;
}

NTSTATUS RpcBatch(PRPC_CHANNEL Ch, PWSK_BUF Requests, PWSK_BUF Replies, ULONG Count)
{
    NTSTATUS st = STATUS_SUCCESS;
    ULONG i;

    for (i = 0; i < Count; i++) {
        st = RpcIo(Ch, &Requests[i], TRUE);
        if (!NT_SUCCESS(st)) {
            break;
        }
        st = RpcIo(Ch, &Replies[i], FALSE);
        if (!NT_SUCCESS(st)) {
            break;
        }
    }
    return st;
}
