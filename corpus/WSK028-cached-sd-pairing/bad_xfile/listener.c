/* Opens the shared service port with the descriptor built in security.c. */
#include <ntddk.h>
#include <wsk.h>
#include "svc.h"

IO_COMPLETION_ROUTINE SvcStep;

NTSTATUS SvcStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SvcOpenPorts(PWSK_PROVIDER_NPI Npi, PVOID Ctx, PIRP Irp, PKEVENT Done)
{
    NTSTATUS st;

    KeResetEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, SvcStep, Done, TRUE, TRUE, TRUE);
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, Ctx,
                                  &SvcListenDispatch, NULL, NULL, &g_SharedPortSd,  // expect: WSK028 "raw"
                                  Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    KeResetEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, SvcStep, Done, TRUE, TRUE, TRUE);
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, Ctx,
                                  &SvcListenDispatch, NULL, NULL, g_ControlSd, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    return st;
}
