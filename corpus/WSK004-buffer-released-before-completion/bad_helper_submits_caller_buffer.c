/* A helper submits with the caller's buffer and returns without waiting; the buffer is on the
   caller's stack. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CHAN {
    PWSK_SOCKET Socket;
    PIRP Irp;
} CHAN, *PCHAN;

IO_COMPLETION_ROUTINE ChanDone;

NTSTATUS ChanDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Context);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS ChanGetOption(PCHAN Chan, ULONG Option, PVOID Out, SIZE_T OutLength)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Chan->Socket->Dispatch;
    IoReuseIrp(Chan->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Chan->Irp, ChanDone, Chan, TRUE, TRUE, TRUE);
    return dispatch->WskControlSocket(Chan->Socket, WskGetOption, Option, SOL_SOCKET, 0, NULL, OutLength, Out, NULL,
                                      Chan->Irp);
}

NTSTATUS ChanReceiveBufferSize(PCHAN Chan, PULONG Size)
{
    ULONG value = 0;
    NTSTATUS status;

    status = ChanGetOption(Chan, SO_RCVBUF, &value, sizeof(value));  // expect: WSK004 "'&value' is on the stack of ChanReceiveBufferSize"
    if (NT_SUCCESS(status) && status != STATUS_PENDING) {
        *Size = value;
    }
    return status;
}
