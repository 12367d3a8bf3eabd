/* A socket library whose send helper is synchronous; the caller streams a buffer through it in a loop. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _KSOCK {
    PWSK_SOCKET Socket;
    struct {
        PIRP Irp;
        KEVENT Event;
    } Async;
} KSOCK, *PKSOCK;

IO_COMPLETION_ROUTINE AsyncDone;

NTSTATUS AsyncDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS WaitForAsync(PVOID Async, PNTSTATUS Status)
{
    struct { PIRP Irp; KEVENT Event; } *a = Async;
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(&a->Event, Executive, KernelMode, FALSE, NULL);
        *Status = a->Irp->IoStatus.Status;
    }
    return *Status;
}

static NTSTATUS SockSendRecv(PKSOCK S, PMDL Mdl, ULONG Length, BOOLEAN Send)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH conn = (PWSK_PROVIDER_CONNECTION_DISPATCH)S->Socket->Dispatch;
    WSK_BUF buf;
    NTSTATUS status;

    buf.Mdl = Mdl;
    buf.Offset = 0;
    buf.Length = Length;
    KeResetEvent(&S->Async.Event);
    IoReuseIrp(S->Async.Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(S->Async.Irp, AsyncDone, &S->Async.Event, TRUE, TRUE, TRUE);
    if (Send) {
        status = conn->WskSend(S->Socket, &buf, 0, S->Async.Irp);
    } else {
        status = conn->WskReceive(S->Socket, &buf, 0, S->Async.Irp);
    }
    return WaitForAsync(&S->Async, &status);
}

NTSTATUS SockSend(PKSOCK S, PMDL Mdl, ULONG Length)
{
    return SockSendRecv(S, Mdl, Length, TRUE);
}

NTSTATUS StreamFile(PKSOCK S, PMDL *Pages, ULONG Count)
{
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i;

    for (i = 0; i < Count && NT_SUCCESS(status); i++) {
        status = SockSend(S, Pages[i], PAGE_SIZE);  // expect: WSK034
    }
    return status;
}
