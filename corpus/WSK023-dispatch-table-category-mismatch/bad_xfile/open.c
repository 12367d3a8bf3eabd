/* The listening socket is created here ... */
#include "server.h"

static NTSTATUS WSKAPI OnAccept(PVOID Context, ULONG Flags, PSOCKADDR Local, PSOCKADDR Remote,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptDispatch)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Local);
    UNREFERENCED_PARAMETER(Remote);
    UNREFERENCED_PARAMETER(AcceptSocket);
    UNREFERENCED_PARAMETER(AcceptContext);
    UNREFERENCED_PARAMETER(AcceptDispatch);
    return STATUS_REQUEST_NOT_ACCEPTED;
}

static const WSK_CLIENT_LISTEN_DISPATCH g_ListenEvents = { OnAccept, NULL, NULL };

static IO_COMPLETION_ROUTINE ServerSignal;

static NTSTATUS ServerSignal(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID ServerArm(PSERVER Server)
{
    KeClearEvent(&Server->Done);
    IoReuseIrp(Server->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Server->Irp, ServerSignal, &Server->Done, TRUE, TRUE, TRUE);
}

VOID ServerWait(PSERVER Server, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Server->Done, Executive, KernelMode, FALSE, NULL);
        *Status = Server->Irp->IoStatus.Status;
    }
}

NTSTATUS ServerOpen(PSERVER Server)
{
    NTSTATUS status;
    ServerArm(Server);
    status = Server->Npi.Dispatch->WskSocket(Server->Npi.Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                             WSK_FLAG_LISTEN_SOCKET, Server, &g_ListenEvents, NULL, NULL, NULL,
                                             Server->Irp);
    ServerWait(Server, &status);
    if (NT_SUCCESS(status)) {
        Server->Listener = (PWSK_SOCKET)Server->Irp->IoStatus.Information;
    }
    return status;
}
