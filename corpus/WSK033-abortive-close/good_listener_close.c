/* Closing listening and datagram sockets needs no disconnect. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _ENDPOINTS {
    PWSK_SOCKET Listener;
    PWSK_SOCKET Beacon;
    PIRP Irp;
    KEVENT Done;
} ENDPOINTS, *PENDPOINTS;

IO_COMPLETION_ROUTINE EpStep;

NTSTATUS EpStep(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS EpCreate(PENDPOINTS E, PWSK_PROVIDER_NPI Npi, USHORT Type, ULONG Proto, ULONG Flags,
                         PWSK_SOCKET *Out)
{
    NTSTATUS st;
    KeResetEvent(&E->Done);
    IoReuseIrp(E->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(E->Irp, EpStep, &E->Done, TRUE, TRUE, TRUE);
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, Type, Proto, Flags, NULL, NULL, NULL, NULL, NULL, E->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&E->Done, Executive, KernelMode, FALSE, NULL);
        st = E->Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(st)) {
        *Out = (PWSK_SOCKET)E->Irp->IoStatus.Information;
    }
    return st;
}

static VOID EpClose(PENDPOINTS E, PWSK_SOCKET S)
{
    const WSK_PROVIDER_BASIC_DISPATCH *basic = S->Dispatch;
    KeResetEvent(&E->Done);
    IoReuseIrp(E->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(E->Irp, EpStep, &E->Done, TRUE, TRUE, TRUE);
    if (basic->WskCloseSocket(S, E->Irp) == STATUS_PENDING) {
        KeWaitForSingleObject(&E->Done, Executive, KernelMode, FALSE, NULL);
    }
}

NTSTATUS EpCycle(PENDPOINTS E, PWSK_PROVIDER_NPI Npi)
{
    NTSTATUS st = EpCreate(E, Npi, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, &E->Listener);
    if (NT_SUCCESS(st)) {
        st = EpCreate(E, Npi, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &E->Beacon);
    }
    if (E->Beacon != NULL) {
        EpClose(E, E->Beacon);
    }
    if (E->Listener != NULL) {
        EpClose(E, E->Listener);
    }
    return st;
}
