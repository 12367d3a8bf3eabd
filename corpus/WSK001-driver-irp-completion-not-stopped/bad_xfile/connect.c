/* Starts a connect with a driver-allocated IRP; the routine lives in routines.c. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE ConnectDone;

NTSTATUS StartConnect(PWSK_SOCKET Socket, PSOCKADDR Remote, NTSTATUS *Result)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, ConnectDone, Result, TRUE, TRUE, TRUE);
    return dispatch->WskConnect(Socket, Remote, 0, irp);
}
