/* The write dispatch routine hands its own IRP to WskSend and returns WSK's status. Its completion
   routine lets completion continue but never propagates the pending state. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TUNNEL {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    LONG64 Sent;
} TUNNEL, *PTUNNEL;

IO_COMPLETION_ROUTINE TunnelWriteDone;

NTSTATUS TunnelWriteDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (NT_SUCCESS(Irp->IoStatus.Status)) {
        InterlockedAdd64(&((PTUNNEL)Context)->Sent, (LONG64)Irp->IoStatus.Information);
    }
    return STATUS_CONTINUE_COMPLETION;  // expect: WSK003 "without calling IoMarkIrpPending"
}

DRIVER_DISPATCH TunnelWrite;

NTSTATUS TunnelWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PTUNNEL tunnel = (PTUNNEL)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = tunnel->Socket->Dispatch;

    IoSetCompletionRoutine(Irp, TunnelWriteDone, tunnel, TRUE, TRUE, TRUE);
    return dispatch->WskSend(tunnel->Socket, &tunnel->Buffer, 0, Irp);
}
