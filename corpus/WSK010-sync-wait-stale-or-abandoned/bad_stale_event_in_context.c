/* The event lives in the socket context and is reset by a helper -- except before the second
   request of the handshake. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _TCP {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Event;
} TCP, *PTCP;

IO_COMPLETION_ROUTINE TcpSignal;

NTSTATUS TcpSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID TcpPrepare(PTCP Tcp, BOOLEAN ResetEvent)
{
    if (ResetEvent) {
        KeClearEvent(&Tcp->Event);
    }
    IoReuseIrp(Tcp->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Tcp->Irp, TcpSignal, &Tcp->Event, TRUE, TRUE, TRUE);
}

static NTSTATUS TcpWait(PTCP Tcp, NTSTATUS Status)
{
    if (Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Tcp->Event, Executive, KernelMode, FALSE, NULL);
        Status = Tcp->Irp->IoStatus.Status;
    }
    return Status;
}

NTSTATUS TcpBindConnect(PTCP Tcp, PSOCKADDR Local, PSOCKADDR Remote)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Tcp->Socket->Dispatch;
    NTSTATUS status;

    TcpPrepare(Tcp, TRUE);
    status = dispatch->WskBind(Tcp->Socket, Local, 0, Tcp->Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&Tcp->Event, Executive, KernelMode, FALSE, NULL);
        status = Tcp->Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    TcpPrepare(Tcp, FALSE);
    status = dispatch->WskConnect(Tcp->Socket, Remote, 0, Tcp->Irp);
    return TcpWait(Tcp, status);  // expect: WSK010 "still be signalled"
}
