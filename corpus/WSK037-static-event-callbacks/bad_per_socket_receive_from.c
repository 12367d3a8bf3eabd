/* A discovery responder opens one datagram socket per address family and enables the same
 * receive callback on each right after creating it; nothing ever disables it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _RESPONDER {
    PWSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Sockets[2];
    PIRP Irp;
    KEVENT Done;
} RESPONDER, *PRESPONDER;

NTSTATUS WSKAPI ResponderReceive(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH ResponderDispatch = { ResponderReceive };

IO_COMPLETION_ROUTINE ResponderStep;

NTSTATUS ResponderStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS ResponderOpen(PRESPONDER R, ADDRESS_FAMILY Family, PSOCKADDR Local, PWSK_SOCKET *Out)
{
    WSK_EVENT_CALLBACK_CONTROL ctl;
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram;
    PWSK_SOCKET s;
    NTSTATUS st;

    KeResetEvent(&R->Done);
    IoReuseIrp(R->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(R->Irp, ResponderStep, &R->Done, TRUE, TRUE, TRUE);
    st = R->Npi->Dispatch->WskSocket(R->Npi->Client, Family, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, R,
                                     &ResponderDispatch, NULL, NULL, NULL, R->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&R->Done, Executive, KernelMode, FALSE, NULL);
        st = R->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    s = (PWSK_SOCKET)R->Irp->IoStatus.Information;
    dgram = s->Dispatch;

    KeResetEvent(&R->Done);
    IoReuseIrp(R->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(R->Irp, ResponderStep, &R->Done, TRUE, TRUE, TRUE);
    st = dgram->WskBind(s, Local, 0, R->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&R->Done, Executive, KernelMode, FALSE, NULL);
        st = R->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        *Out = s;
        return st;
    }

    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    st = dgram->Basic.WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,  // expect: WSK037 "WSK_EVENT_RECEIVE_FROM"
                                       sizeof(ctl), &ctl, 0, NULL, NULL, NULL);
    *Out = s;
    return st;
}

NTSTATUS ResponderStart(PRESPONDER R, PSOCKADDR_IN Any4, PSOCKADDR_IN6 Any6)
{
    NTSTATUS st = ResponderOpen(R, AF_INET, (PSOCKADDR)Any4, &R->Sockets[0]);
    if (NT_SUCCESS(st)) {
        st = ResponderOpen(R, AF_INET6, (PSOCKADDR)Any6, &R->Sockets[1]);
    }
    return st;
}
