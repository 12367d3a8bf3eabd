/* Trap: a security-context shutdown loop. The security package decides each round whether there
 * is a token to send; rounds without one go straight to the next test. This exchanges a few small
 * control tokens, it does not stream data, so one send in flight is fine. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CHANNEL {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} CHANNEL;

typedef struct _TOKEN {
    PVOID Data;
    ULONG Size;
} TOKEN;

NTSTATUS NextShutdownToken(CHANNEL *Ch, TOKEN *Out);   /* STATUS_MORE_ENTRIES while more rounds remain */

IO_COMPLETION_ROUTINE ChannelDone;

NTSTATUS ChannelDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS ChannelSend(CHANNEL *Ch, PMDL Mdl, ULONG Size)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *ops = Ch->Socket->Dispatch;
    WSK_BUF wb;
    NTSTATUS st;

    wb.Mdl = Mdl;
    wb.Offset = 0;
    wb.Length = Size;
    KeClearEvent(&Ch->Done);
    IoReuseIrp(Ch->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Ch->Irp, ChannelDone, &Ch->Done, TRUE, TRUE, TRUE);
    st = ops->WskSend(Ch->Socket, &wb, 0, Ch->Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&Ch->Done, Executive, KernelMode, FALSE, NULL);
        st = Ch->Irp->IoStatus.Status;
    }
    return st;
}

VOID ChannelShutdown(CHANNEL *Ch, PMDL TokenMdl)
{
    NTSTATUS round;
    TOKEN token;

    do {
        token.Data = NULL;
        token.Size = 0;
        round = NextShutdownToken(Ch, &token);
        if (token.Size != 0) {
            if (!NT_SUCCESS(ChannelSend(Ch, TokenMdl, token.Size))) {
                break;
            }
        }
    } while (round == STATUS_MORE_ENTRIES);
}
