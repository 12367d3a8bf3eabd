/* Trap: an interactive console protocol. Every keystroke record must reach the peer at once,
 * so the socket runs without Nagle and each small send asks for immediate transmission. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _KEY_EVENT_RECORD_WIRE {
    USHORT Code;
    USHORT Flags;
} KEY_EVENT_RECORD_WIRE;

typedef struct _CONSOLE_LINK {
    PWSK_SOCKET Socket;
    PMDL KeyMdl;
    PIRP KeyIrp;
    KEVENT KeySent;
    PIRP ControlIrp;
} CONSOLE_LINK, *PCONSOLE_LINK;

static ULONG NagleOff = 1;

IO_COMPLETION_ROUTINE KeySent;

NTSTATUS KeySent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS ConsoleLinkInit(PCONSOLE_LINK L)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = L->Socket->Dispatch;
    return conn->Basic.WskControlSocket(L->Socket, WskSetOption, TCP_NODELAY, IPPROTO_TCP, sizeof(NagleOff),
                                        &NagleOff, 0, NULL, NULL, L->ControlIrp);
}

NTSTATUS ConsoleSendKey(PCONSOLE_LINK L)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = L->Socket->Dispatch;
    WSK_BUF key = { L->KeyMdl, 0, sizeof(KEY_EVENT_RECORD_WIRE) };
    NTSTATUS st;

    KeResetEvent(&L->KeySent);
    IoReuseIrp(L->KeyIrp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(L->KeyIrp, KeySent, &L->KeySent, TRUE, TRUE, TRUE);
    st = conn->WskSend(L->Socket, &key, WSK_FLAG_NODELAY, L->KeyIrp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&L->KeySent, Executive, KernelMode, FALSE, NULL);
        st = L->KeyIrp->IoStatus.Status;
    }
    return st;
}

NTSTATUS ConsoleSendKeys(PCONSOLE_LINK L, ULONG Count)
{
    NTSTATUS st = STATUS_SUCCESS;
    ULONG i;
    for (i = 0; i < Count && NT_SUCCESS(st); i++) {
        st = ConsoleSendKey(L);
    }
    return st;
}
