/* A generic option wrapper always passes its IRP: fine for most options, but enabling callbacks and the
   client controls must be called without one. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

extern WSK_PROVIDER_NPI g_Npi;

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

static NTSTATUS SockControl(PSOCK s, ULONG Code, ULONG Level, PVOID In, SIZE_T InSize)
{
    PWSK_PROVIDER_BASIC_DISPATCH d = (PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch;
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = d->WskControlSocket(s->Socket, WskSetOption, Code, Level, InSize, In, 0, NULL, NULL, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    return status;
}

NTSTATUS SockStartReceiving(PSOCK s)
{
    ULONG keepAlive = 1;
    WSK_EVENT_CALLBACK_CONTROL cc;
    NTSTATUS status = SockControl(s, SO_KEEPALIVE, SOL_SOCKET, &keepAlive, sizeof(keepAlive));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT;
    return SockControl(s, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, &cc, sizeof(cc)); // expect: WSK024 "Enabling callbacks with SO_WSK_EVENT_CALLBACK is passed an IRP"
}

NTSTATUS SockBypassTdi(PSOCK s)
{
    ULONG bypass = WSK_TDI_BEHAVIOR_BYPASS_TDI;
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = g_Npi.Dispatch->WskControlClient(g_Npi.Client, WSK_TDI_BEHAVIOR, sizeof(bypass), &bypass, 0, NULL, // expect: WSK024 "WSK_TDI_BEHAVIOR is passed an IRP"
                                              NULL, s->Irp);
    Wait(s->Irp, &s->Done, &status);
    return status;
}
