/* The receive callback is enabled after creation but disabled while the consumer is behind,
 * which static callbacks cannot do. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _FEED {
    PWSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} FEED, *PFEED;

NTSTATUS WSKAPI FeedReceive(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH FeedDispatch = { FeedReceive };

IO_COMPLETION_ROUTINE FeedStep;

NTSTATUS FeedStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS FeedOpen(PFEED F, PSOCKADDR Local)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram;
    WSK_EVENT_CALLBACK_CONTROL ctl;
    NTSTATUS st;

    KeResetEvent(&F->Done);
    IoSetCompletionRoutine(F->Irp, FeedStep, &F->Done, TRUE, TRUE, TRUE);
    st = F->Npi->Dispatch->WskSocket(F->Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, F,
                                     &FeedDispatch, NULL, NULL, NULL, F->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&F->Done, Executive, KernelMode, FALSE, NULL);
        st = F->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    F->Socket = (PWSK_SOCKET)F->Irp->IoStatus.Information;
    dgram = F->Socket->Dispatch;
    KeResetEvent(&F->Done);
    IoReuseIrp(F->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(F->Irp, FeedStep, &F->Done, TRUE, TRUE, TRUE);
    st = dgram->WskBind(F->Socket, Local, 0, F->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&F->Done, Executive, KernelMode, FALSE, NULL);
        st = F->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    return dgram->Basic.WskControlSocket(F->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(ctl), &ctl,
                                         0, NULL, NULL, NULL);
}

NTSTATUS FeedPause(PFEED F)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram = F->Socket->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL ctl;
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM | WSK_EVENT_DISABLE;
    return dgram->Basic.WskControlSocket(F->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(ctl), &ctl,
                                         0, NULL, NULL, NULL);
}
