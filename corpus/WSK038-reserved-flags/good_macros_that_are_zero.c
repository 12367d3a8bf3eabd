/* Trap: project macros that expand to 0 in the reserved positions, DRAIN with an empty buffer, and a
   version built with MAKE_WSK_VERSION. */
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

#define NO_FLAGS 0
#define WSK_RESERVED_FLAGS (NO_FLAGS)

const WSK_CLIENT_DISPATCH g_Client = { MAKE_WSK_VERSION(1, 0), 0, NULL };

NTSTATUS SendAndDrain(PWSK_SOCKET Udp, PWSK_SOCKET Tcp, PWSK_BUF Buffer, PSOCKADDR To, PIRP Irp, PKEVENT Done)
{
    WSK_BUF empty;
    NTSTATUS status, drained;
    Arm(Irp, Done);
    status = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)Udp->Dispatch)->WskSendTo(Udp, Buffer, NO_FLAGS, To, 0, NULL, Irp);
    Wait(Irp, Done, &status);
    Arm(Irp, Done);
    drained = ((PWSK_PROVIDER_CONNECTION_DISPATCH)Tcp->Dispatch)->WskConnect(Tcp, To, WSK_RESERVED_FLAGS, Irp);
    Wait(Irp, Done, &drained);
    empty.Mdl = NULL;
    empty.Offset = 0;
    empty.Length = 0;
    Arm(Irp, Done);
    drained = ((PWSK_PROVIDER_CONNECTION_DISPATCH)Tcp->Dispatch)->WskReceive(Tcp, &empty, WSK_FLAG_DRAIN, Irp);
    Wait(Irp, Done, &drained);
    return status;
}
