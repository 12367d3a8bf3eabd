/* Connection helpers of a telemetry uploader. */
#include <ntddk.h>
#include <wsk.h>
#include "uploader.h"

IO_COMPLETION_ROUTINE UpStep;

NTSTATUS UpStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS UpWait(PUPLOADER U, PNTSTATUS St)
{
    if (*St == STATUS_PENDING) {
        KeWaitForSingleObject(&U->Done, Executive, KernelMode, FALSE, NULL);
        *St = U->Irp->IoStatus.Status;
    }
    return *St;
}

VOID UpArm(PUPLOADER U)
{
    KeResetEvent(&U->Done);
    IoReuseIrp(U->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(U->Irp, UpStep, &U->Done, TRUE, TRUE, TRUE);
}

NTSTATUS UpConnect(PUPLOADER U, PSOCKADDR Local, PSOCKADDR Remote)
{
    NTSTATUS st;
    UpArm(U);
    st = U->Npi->Dispatch->WskSocketConnect(U->Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local, Remote, 0, NULL, NULL,
                                            NULL, NULL, NULL, U->Irp);
    UpWait(U, &st);
    if (NT_SUCCESS(st)) {
        U->Socket = (PWSK_SOCKET)U->Irp->IoStatus.Information;
    }
    return st;
}

NTSTATUS UpSend(PUPLOADER U, PWSK_BUF Data)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = U->Socket->Dispatch;
    NTSTATUS st;
    UpArm(U);
    st = conn->WskSend(U->Socket, Data, 0, U->Irp);
    return UpWait(U, &st);
}

VOID UpClose(PUPLOADER U)
{
    const WSK_PROVIDER_BASIC_DISPATCH *basic = U->Socket->Dispatch;
    NTSTATUS st;
    UpArm(U);
    st = basic->WskCloseSocket(U->Socket, U->Irp);
    UpWait(U, &st);
    U->Socket = NULL;
}

NTSTATUS UpHangUp(PUPLOADER U)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = U->Socket->Dispatch;
    NTSTATUS st;
    UpArm(U);
    st = conn->WskDisconnect(U->Socket, NULL, 0, U->Irp);
    return UpWait(U, &st);
}
