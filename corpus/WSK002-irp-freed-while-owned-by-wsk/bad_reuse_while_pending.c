/* A receive loop that recycles the IRP as soon as the call returns, pending or not. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RECV_STATE {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
    WSK_BUF Buffer;
} RECV_STATE, *PRECV_STATE;

IO_COMPLETION_ROUTINE RecvSignal;

NTSTATUS RecvSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS PumpTwice(PRECV_STATE State)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = State->Socket->Dispatch;
    NTSTATUS status;

    KeClearEvent(&State->Done);
    IoReuseIrp(State->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(State->Irp, RecvSignal, &State->Done, TRUE, TRUE, TRUE);
    status = dispatch->WskReceive(State->Socket, &State->Buffer, 0, State->Irp);
    if (status == STATUS_PENDING) {
        IoReuseIrp(State->Irp, STATUS_UNSUCCESSFUL);  // expect: WSK002 "reinitialised while the WskReceive request may still be pending"
        return status;
    }
    return status;
}
