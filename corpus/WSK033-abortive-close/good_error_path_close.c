/* Trap: error paths. When the handshake send fails the connection is useless and an abortive
 * close is what the driver wants. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _HANDSHAKE {
    PIRP Irp;
    KEVENT Done;
} HANDSHAKE, *PHANDSHAKE;

IO_COMPLETION_ROUTINE HsStep;

NTSTATUS HsStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PHANDSHAKE)Context)->Done, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS HsRun(PHANDSHAKE H, PNTSTATUS St)
{
    if (*St == STATUS_PENDING) {
        KeWaitForSingleObject(&H->Done, Executive, KernelMode, FALSE, NULL);
        *St = H->Irp->IoStatus.Status;
    }
    return *St;
}

static VOID HsArm(PHANDSHAKE H)
{
    KeResetEvent(&H->Done);
    IoReuseIrp(H->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(H->Irp, HsStep, H, TRUE, TRUE, TRUE);
}

NTSTATUS HsConnect(PHANDSHAKE H, PWSK_PROVIDER_NPI Npi, PSOCKADDR Local, PSOCKADDR Remote, PWSK_BUF Hello,
                   PWSK_SOCKET *Out)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn;
    PWSK_SOCKET s;
    NTSTATUS st;

    HsArm(H);
    st = Npi->Dispatch->WskSocketConnect(Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local, Remote, 0, NULL, NULL, NULL,
                                         NULL, NULL, H->Irp);
    HsRun(H, &st);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    s = (PWSK_SOCKET)H->Irp->IoStatus.Information;
    conn = s->Dispatch;

    HsArm(H);
    st = conn->WskSend(s, Hello, 0, H->Irp);
    HsRun(H, &st);
    if (!NT_SUCCESS(st)) {
        NTSTATUS closed;
        HsArm(H);
        closed = conn->WskCloseSocket(s, H->Irp);
        HsRun(H, &closed);
        return st;
    }
    *Out = s;
    return STATUS_SUCCESS;
}

NTSTATUS HsHangUp(PHANDSHAKE H, PWSK_SOCKET s)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = s->Dispatch;
    NTSTATUS st;
    HsArm(H);
    st = conn->WskDisconnect(s, NULL, 0, H->Irp);
    return HsRun(H, &st);
}
