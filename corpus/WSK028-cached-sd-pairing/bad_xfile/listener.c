/* Opens the shared service port with the descriptor built in security.c. */
#include <ntddk.h>
#include <wsk.h>
#include "svc.h"

NTSTATUS SvcOpenPorts(PWSK_PROVIDER_NPI Npi, PVOID Ctx, PIRP Irp, PKEVENT Done)
{
    NTSTATUS st;

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
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, Ctx,
                                  &SvcListenDispatch, NULL, NULL, g_ControlSd, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    return st;
}
