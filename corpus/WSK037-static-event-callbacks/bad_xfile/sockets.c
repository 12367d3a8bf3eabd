/* Socket creation for a metrics collector; each new socket is armed by collector.c. */
#include <ntddk.h>
#include <wsk.h>
#include "collector.h"

IO_COMPLETION_ROUTINE CollectorStep;

NTSTATUS CollectorStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS CollectorCreateSocket(PCOLLECTOR C, PSOCKADDR Local, PWSK_SOCKET *Out)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram;
    PWSK_SOCKET s;
    NTSTATUS st;
    KeResetEvent(&C->Done);
    IoReuseIrp(C->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(C->Irp, CollectorStep, &C->Done, TRUE, TRUE, TRUE);
    st = C->Npi->Dispatch->WskSocket(C->Npi->Client, AF_INET6, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, C,
                                     &CollectorDispatch, NULL, NULL, NULL, C->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&C->Done, Executive, KernelMode, FALSE, NULL);
        st = C->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    s = (PWSK_SOCKET)C->Irp->IoStatus.Information;
    dgram = s->Dispatch;
    KeResetEvent(&C->Done);
    IoReuseIrp(C->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(C->Irp, CollectorStep, &C->Done, TRUE, TRUE, TRUE);
    st = dgram->WskBind(s, Local, 0, C->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&C->Done, Executive, KernelMode, FALSE, NULL);
        st = C->Irp->IoStatus.Status;
    }
    *Out = s;
    return st;
}

NTSTATUS CollectorArm(PWSK_SOCKET S)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dgram = S->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL ctl;
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    return dgram->Basic.WskControlSocket(S, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,  // expect: WSK037
                                         sizeof(ctl), &ctl, 0, NULL, NULL, NULL);
}
