/* ... so the listener here never enables WskAcceptEvent itself. */
#include <ntddk.h>
#include <wsk.h>

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

static const WSK_CLIENT_LISTEN_DISPATCH g_Events = { OnAccept, NULL, NULL };
PWSK_SOCKET g_Listener;

NTSTATUS CreateListener(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done)
{
    SOCKADDR_IN any = { AF_INET };
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                               NULL, &g_Events, NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    g_Listener = (PWSK_SOCKET)Irp->IoStatus.Information;
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)g_Listener->Dispatch)->WskBind(g_Listener, (PSOCKADDR)&any, 0, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}
