/* A reader thread that posts one receive, waits for it, processes, and posts the next. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _READER {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
    WSK_BUF Buffer;
    volatile BOOLEAN Stop;
} READER, *PREADER;

VOID ConsumeBytes(PREADER R, SIZE_T Count);

IO_COMPLETION_ROUTINE ReaderStep;

NTSTATUS ReaderStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PREADER)Context)->Done, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

KSTART_ROUTINE ReaderThread;

VOID ReaderThread(PVOID Context)
{
    PREADER r = (PREADER)Context;
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = r->Socket->Dispatch;

    while (!r->Stop) {
        NTSTATUS st;
        KeResetEvent(&r->Done);
        IoReuseIrp(r->Irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(r->Irp, ReaderStep, r, TRUE, TRUE, TRUE);
        st = conn->WskReceive(r->Socket, &r->Buffer, 0, r->Irp);  // expect: WSK036 "one receive in flight"
        if (st == STATUS_PENDING) {
            KeWaitForSingleObject(&r->Done, Executive, KernelMode, FALSE, NULL);
            st = r->Irp->IoStatus.Status;
        }
        if (!NT_SUCCESS(st) || r->Irp->IoStatus.Information == 0) {
            break;
        }
        ConsumeBytes(r, r->Irp->IoStatus.Information);
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}
