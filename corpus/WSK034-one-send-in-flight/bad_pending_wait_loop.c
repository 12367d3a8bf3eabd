/* A file pusher that submits one 2 KB chunk, waits for it, then submits the next. */
#include <ntddk.h>
#include <wsk.h>

#define CHUNK_SIZE 2048

typedef struct _PUSHER {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
    PMDL Mdl;
    PUCHAR Data;
    ULONG Total;
} PUSHER, *PPUSHER;

IO_COMPLETION_ROUTINE PushComplete;

NTSTATUS PushComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS PushAll(PPUSHER P)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = P->Socket->Dispatch;
    WSK_BUF chunk;
    NTSTATUS st = STATUS_SUCCESS;
    ULONG offset;

    chunk.Mdl = P->Mdl;
    chunk.Length = CHUNK_SIZE;
    for (offset = 0; offset < P->Total; offset += CHUNK_SIZE) {
        chunk.Offset = offset;
        KeResetEvent(&P->Done);
        IoReuseIrp(P->Irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(P->Irp, PushComplete, &P->Done, TRUE, TRUE, TRUE);
        st = conn->WskSend(P->Socket, &chunk, 0, P->Irp);  // expect: WSK034 "one send buffer is in flight per round trip"
        if (st == STATUS_PENDING) {
            KeWaitForSingleObject(&P->Done, Executive, KernelMode, FALSE, NULL);
            st = P->Irp->IoStatus.Status;
        }
        if (!NT_SUCCESS(st)) {
            break;
        }
    }
    return st;
}
