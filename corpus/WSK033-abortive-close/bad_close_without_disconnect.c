/* Fetches a configuration blob over TCP and closes the connection without disconnecting. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _FETCH {
    PWSK_PROVIDER_NPI Npi;
    PIRP Irp;
    KEVENT Done;
} FETCH, *PFETCH;

IO_COMPLETION_ROUTINE FetchStep;

NTSTATUS FetchStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PFETCH)Context)->Done, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS Finish(PFETCH F, PNTSTATUS St)
{
    if (*St == STATUS_PENDING) {
        KeWaitForSingleObject(&F->Done, Executive, KernelMode, FALSE, NULL);
        *St = F->Irp->IoStatus.Status;
    }
    return *St;
}

static VOID Arm(PFETCH F)
{
    KeResetEvent(&F->Done);
    IoReuseIrp(F->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(F->Irp, FetchStep, F, TRUE, TRUE, TRUE);
}

NTSTATUS FetchConfig(PFETCH F, PSOCKADDR Local, PSOCKADDR Server, PWSK_BUF Request, PWSK_BUF Reply)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn;
    PWSK_SOCKET s;
    NTSTATUS st, closed;

    Arm(F);
    st = F->Npi->Dispatch->WskSocketConnect(F->Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local, Server, 0, NULL, NULL,
                                            NULL, NULL, NULL, F->Irp);
    Finish(F, &st);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    s = (PWSK_SOCKET)F->Irp->IoStatus.Information;
    conn = s->Dispatch;

    Arm(F);
    st = conn->WskSend(s, Request, 0, F->Irp);
    Finish(F, &st);
    if (NT_SUCCESS(st)) {
        Arm(F);
        st = conn->WskReceive(s, Reply, WSK_FLAG_WAITALL, F->Irp);
        Finish(F, &st);
    }

    Arm(F);
    closed = conn->WskCloseSocket(s, F->Irp);  // expect: WSK033 "close is abortive"
    Finish(F, &closed);
    return st;
}

NTSTATUS FetchHangUp(PFETCH F, PWSK_SOCKET s)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = s->Dispatch;
    NTSTATUS st;
    Arm(F);
    st = conn->WskDisconnect(s, NULL, 0, F->Irp);
    return Finish(F, &st);
}
