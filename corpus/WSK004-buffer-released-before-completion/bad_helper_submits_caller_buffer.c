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

static NTSTATUS ChanIoctl(PCHAN Chan, ULONG Code, PVOID Out, SIZE_T OutLength)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Chan->Socket->Dispatch;
    IoReuseIrp(Chan->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Chan->Irp, ChanDone, Chan, TRUE, TRUE, TRUE);
    return dispatch->WskControlSocket(Chan->Socket, WskIoctl, Code, 0, 0, NULL, OutLength, Out, NULL, Chan->Irp);
}

NTSTATUS ChanQueryRss(PCHAN Chan, PULONG Enabled)
{
    RSS_SCALABILITY_INFO info;
    NTSTATUS status;

    status = ChanIoctl(Chan, SIO_QUERY_RSS_SCALABILITY_INFO, &info, sizeof(info));  // expect: WSK004 "'&info' is on the stack of ChanQueryRss"
    if (NT_SUCCESS(status) && status != STATUS_PENDING) {
        *Enabled = info.RssEnabled;
    }
    return status;
}
