/* Trap: every provider table begins with the basic functions, so WskControlSocket and WskCloseSocket
   through WSK_PROVIDER_BASIC_DISPATCH (or through the socket's own table) are valid on any category. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SYNC { KEVENT Done; PIRP Irp; } SYNC, *PSYNC;

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

static NTSTATUS Make(PWSK_PROVIDER_NPI Npi, PSYNC s, USHORT Type, ULONG Protocol, ULONG Flags, PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, Type, Protocol, Flags, NULL, NULL, NULL, NULL, NULL,
                                      s->Irp);
    Wait(s->Irp, &s->Done, &status);
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static VOID CloseAny(PSYNC s, PWSK_SOCKET Socket)
{
    NTSTATUS status;
    Arm(s->Irp, &s->Done);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskCloseSocket(Socket, s->Irp);
    Wait(s->Irp, &s->Done, &status);
}

static ULONG g_Type;

NTSTATUS QueryBoth(PWSK_PROVIDER_NPI Npi, PSYNC s)
{
    PWSK_SOCKET lst = NULL, udp = NULL;
    NTSTATUS q;
    NTSTATUS status = Make(Npi, s, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, &lst);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = Make(Npi, s, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &udp);
    if (NT_SUCCESS(status)) {
        Arm(s->Irp, &s->Done);
        q = ((PWSK_PROVIDER_BASIC_DISPATCH)udp->Dispatch)->WskControlSocket(
            udp, WskGetOption, SO_TYPE, SOL_SOCKET, 0, NULL, sizeof(g_Type), &g_Type, NULL, s->Irp);
        Wait(s->Irp, &s->Done, &q);
        Arm(s->Irp, &s->Done);
        q = ((PWSK_PROVIDER_DATAGRAM_DISPATCH)udp->Dispatch)->WskCloseSocket(udp, s->Irp);
        Wait(s->Irp, &s->Done, &q);
    }
    Arm(s->Irp, &s->Done);
    q = ((PWSK_PROVIDER_LISTEN_DISPATCH)lst->Dispatch)->WskControlSocket(
        lst, WskGetOption, SO_TYPE, SOL_SOCKET, 0, NULL, sizeof(g_Type), &g_Type, NULL, s->Irp);
    Wait(s->Irp, &s->Done, &q);
    CloseAny(s, lst);
    return status;
}
