/* The routine frees its context and lets the I/O manager continue completing the driver's IRP. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SEND_OP {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
} SEND_OP, *PSEND_OP;

IO_COMPLETION_ROUTINE SendOpDone;

NTSTATUS SendOpDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    ExFreePoolWithTag(Context, 'pOsS');
    return STATUS_SUCCESS;  // expect: WSK001 "returns STATUS_SUCCESS"
}

NTSTATUS SendOpStart(PSEND_OP Op)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Op->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SendOpDone, Op, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Op->Socket, &Op->Buffer, 0, irp);
}
