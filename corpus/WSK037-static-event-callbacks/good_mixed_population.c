/* Trap: a mixed population. The listener socket receives and enables its callback; the
 * announcer socket only sends and enables nothing, so static callbacks would give it events
 * it does not want. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _NODE {
    PWSK_PROVIDER_NPI Npi;
    PWSK_SOCKET Listener;
    PWSK_SOCKET Announcer;
    PIRP Irp;
    KEVENT Done;
} NODE, *PNODE;

NTSTATUS WSKAPI NodeReceive(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_DATAGRAM_DISPATCH NodeDispatch = { NodeReceive };

IO_COMPLETION_ROUTINE NodeStep;

NTSTATUS NodeStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID NodeArm(PNODE N)
{
    KeResetEvent(&N->Done);
    IoReuseIrp(N->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(N->Irp, NodeStep, &N->Done, TRUE, TRUE, TRUE);
}

static NTSTATUS NodeWait(PNODE N, PNTSTATUS St)
{
    if (*St == STATUS_PENDING) {
        KeWaitForSingleObject(&N->Done, Executive, KernelMode, FALSE, NULL);
        *St = N->Irp->IoStatus.Status;
    }
    return *St;
}

NTSTATUS NodeStart(PNODE N, PSOCKADDR Local)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram;
    WSK_EVENT_CALLBACK_CONTROL ctl;
    NTSTATUS st;

    NodeArm(N);
    st = N->Npi->Dispatch->WskSocket(N->Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, N,
                                     &NodeDispatch, NULL, NULL, NULL, N->Irp);
    NodeWait(N, &st);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    N->Listener = (PWSK_SOCKET)N->Irp->IoStatus.Information;
    dgram = N->Listener->Dispatch;
    NodeArm(N);
    st = dgram->WskBind(N->Listener, Local, 0, N->Irp);
    NodeWait(N, &st);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    st = dgram->Basic.WskControlSocket(N->Listener, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(ctl),
                                       &ctl, 0, NULL, NULL, NULL);
    if (!NT_SUCCESS(st)) {
        return st;
    }

    NodeArm(N);
    st = N->Npi->Dispatch->WskSocket(N->Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, NULL,
                                     NULL, NULL, NULL, NULL, N->Irp);
    NodeWait(N, &st);
    if (NT_SUCCESS(st)) {
        N->Announcer = (PWSK_SOCKET)N->Irp->IoStatus.Information;
    }
    return st;
}
