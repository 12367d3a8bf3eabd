/* Trap: a KSOCKET-style wrapper passes its IRP to every control call. That is right for the options that
   require one, allowed where it is optional (other options, disabling a callback), and the transport-level
   option gets an IRP as in the WSK sample. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

static NTSTATUS SockWait(PSOCK s, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        status = s->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS SockSetOption(PSOCK s, ULONG Level, ULONG Code, PVOID In, SIZE_T InSize)
{
    PWSK_PROVIDER_BASIC_DISPATCH d = (PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch;
    return SockWait(s, d->WskControlSocket(s->Socket, WskSetOption, Code, Level, InSize, In, 0, NULL, NULL, s->Irp));
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
