/* Trap: every provider table begins with the basic functions, so WskControlSocket and WskCloseSocket
   through WSK_PROVIDER_BASIC_DISPATCH (or through the socket's own table) are valid on any category. */
#include <ntddk.h>
#include <wsk.h>

#include <ntddk.h>
#include <wsk.h>

typedef struct _SYNC { KEVENT Done; PIRP Irp; } SYNC, *PSYNC;

static IO_COMPLETION_ROUTINE SyncDone;
static NTSTATUS SyncDone(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID Arm(PSYNC s)
{
    IoReuseIrp(s->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(s->Irp, SyncDone, &s->Done, TRUE, TRUE, TRUE);
}

static NTSTATUS Finish(PSYNC s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}


static NTSTATUS Make(PWSK_PROVIDER_NPI Npi, PSYNC s, USHORT Type, ULONG Protocol, ULONG Flags, PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(s);
    status = Finish(s, Npi->Dispatch->WskSocket(Npi->Client, AF_INET, Type, Protocol, Flags, NULL, NULL, NULL,
                                                NULL, NULL, s->Irp));
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static VOID CloseAny(PSYNC s, PWSK_SOCKET Socket)
{
    Arm(s);
    Finish(s, ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskCloseSocket(Socket, s->Irp));
}

NTSTATUS QueryBoth(PWSK_PROVIDER_NPI Npi, PSYNC s)
{
    PWSK_SOCKET lst = NULL, udp = NULL;
    ULONG type = 0;
    NTSTATUS status = Make(Npi, s, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, &lst);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = Make(Npi, s, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, &udp);
    if (NT_SUCCESS(status)) {
        Arm(s);
        Finish(s, ((PWSK_PROVIDER_BASIC_DISPATCH)udp->Dispatch)->WskControlSocket(
            udp, WskGetOption, SO_TYPE, SOL_SOCKET, 0, NULL, sizeof(type), &type, NULL, s->Irp));
        Arm(s);
        Finish(s, ((PWSK_PROVIDER_DATAGRAM_DISPATCH)udp->Dispatch)->WskCloseSocket(udp, s->Irp));
    }
    Arm(s);
    Finish(s, ((PWSK_PROVIDER_LISTEN_DISPATCH)lst->Dispatch)->WskControlSocket(
        lst, WskGetOption, SO_TYPE, SOL_SOCKET, 0, NULL, sizeof(type), &type, NULL, s->Irp));
    CloseAny(s, lst);
    return status;
}
