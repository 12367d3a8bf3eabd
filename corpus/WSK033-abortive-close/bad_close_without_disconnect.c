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

static NTSTATUS Finish(PFETCH F, NTSTATUS St)
{
    if (St == STATUS_PENDING) {
        KeWaitForSingleObject(&F->Done, Executive, KernelMode, FALSE, NULL);
        St = F->Irp->IoStatus.Status;
    }
    return St;
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
    NTSTATUS st;

    Arm(F);
    st = Finish(F, F->Npi->Dispatch->WskSocketConnect(F->Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local, Server, 0,
                                                       NULL, NULL, NULL, NULL, NULL, F->Irp));
    if (!NT_SUCCESS(st)) {
        return st;
    }
    s = (PWSK_SOCKET)F->Irp->IoStatus.Information;
    conn = s->Dispatch;

    Arm(F);
    st = Finish(F, conn->WskSend(s, Request, 0, F->Irp));
    if (NT_SUCCESS(st)) {
        Arm(F);
        st = Finish(F, conn->WskReceive(s, Reply, WSK_FLAG_WAITALL, F->Irp));
    }

    Arm(F);
    Finish(F, conn->WskCloseSocket(s, F->Irp));  // expect: WSK033 "close is abortive"
    return st;
}

NTSTATUS FetchHangUp(PFETCH F, PWSK_SOCKET s)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = s->Dispatch;
    Arm(F);
    return Finish(F, conn->WskDisconnect(s, NULL, 0, F->Irp));
}
