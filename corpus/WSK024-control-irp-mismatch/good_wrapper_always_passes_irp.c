/* Trap: a KSOCKET-style wrapper passes its IRP to every control call. That is right for the options that
   require one, allowed where it is optional (other options, disabling a callback), and the transport-level
   option gets an IRP as in the WSK sample. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

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

static NTSTATUS SockSetOption(PSOCK s, ULONG Level, ULONG Code, PVOID In, SIZE_T InSize)
{
    PWSK_PROVIDER_BASIC_DISPATCH d = (PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch;
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = d->WskControlSocket(s->Socket, WskSetOption, Code, Level, InSize, In, 0, NULL, NULL, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    return status;
}

NTSTATUS SockPrepare(PSOCK s)
{
    ULONG on = 1, off = 0;
    NTSTATUS status = SockSetOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, &on, sizeof(on));
    if (NT_SUCCESS(status)) {
        status = SockSetOption(s, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on));
    }
    if (NT_SUCCESS(status)) {
        status = SockSetOption(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
    }
    return status;
}

NTSTATUS SockStopDisconnectEvents(PSOCK s)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_DISCONNECT | WSK_EVENT_DISABLE;
    return SockSetOption(s, SOL_SOCKET, SO_WSK_EVENT_CALLBACK, &cc, sizeof(cc));
}
