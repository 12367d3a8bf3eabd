/* Sends, waits, disconnects gracefully with a timeout, falls back to an abortive disconnect, then closes. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LINK {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} LINK, *PLINK;

IO_COMPLETION_ROUTINE LinkStep;

NTSTATUS LinkStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PLINK)Context)->Done, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID LinkArm(PLINK L)
{
    KeResetEvent(&L->Done);
    IoReuseIrp(L->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(L->Irp, LinkStep, L, TRUE, TRUE, TRUE);
}

NTSTATUS LinkSendAndClose(PLINK L, PWSK_PROVIDER_NPI Npi, PSOCKADDR Local, PSOCKADDR Remote, PWSK_BUF Last)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn;
    LARGE_INTEGER timeout;
    NTSTATUS st;

    LinkArm(L);
    st = Npi->Dispatch->WskSocketConnect(Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local, Remote, 0, NULL, NULL,
                                         NULL, NULL, NULL, L->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&L->Done, Executive, KernelMode, FALSE, NULL);
        st = L->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    L->Socket = (PWSK_SOCKET)L->Irp->IoStatus.Information;
    conn = L->Socket->Dispatch;

    LinkArm(L);
    st = conn->WskSend(L->Socket, Last, 0, L->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&L->Done, Executive, KernelMode, FALSE, NULL);
    }

    LinkArm(L);
    st = conn->WskDisconnect(L->Socket, NULL, 0, L->Irp);
    if (st == STATUS_PENDING) {
        timeout.QuadPart = -5 * 10 * 1000 * 1000;
        if (KeWaitForSingleObject(&L->Done, Executive, KernelMode, FALSE, &timeout) == STATUS_TIMEOUT) {
            IoCancelIrp(L->Irp);
            KeWaitForSingleObject(&L->Done, Executive, KernelMode, FALSE, NULL);
        }
    }

    LinkArm(L);
    st = conn->WskCloseSocket(L->Socket, L->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&L->Done, Executive, KernelMode, FALSE, NULL);
    }
    L->Socket = NULL;
    return STATUS_SUCCESS;
}
