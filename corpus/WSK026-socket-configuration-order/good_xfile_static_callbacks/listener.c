/* ... so the listener here never enables WskAcceptEvent itself. */
#include <ntddk.h>
#include <wsk.h>

static IO_COMPLETION_ROUTINE Signal;

static NTSTATUS Signal(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID Arm(PIRP Irp, PKEVENT Done)
{
    KeClearEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, Signal, Done, TRUE, TRUE, TRUE);
}

static VOID Wait(PIRP Irp, PKEVENT Done, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        *Status = Irp->IoStatus.Status;
    }
}

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
    NTSTATUS status;
    Arm(Irp, Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                      NULL, &g_Events, NULL, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    g_Listener = (PWSK_SOCKET)Irp->IoStatus.Information;
    Arm(Irp, Done);
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)g_Listener->Dispatch)->WskBind(g_Listener, (PSOCKADDR)&any, 0, Irp);
    Wait(Irp, Done, &status);
    return status;
}
