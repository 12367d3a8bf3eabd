/* Trap: a send loop that retries transient failures but closes the socket on STATUS_FILE_FORCED_CLOSED. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SENDER {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    PIRP Irp;
    KEVENT Done;
    ULONG Attempts;
} SENDER, *PSENDER;

IO_COMPLETION_ROUTINE SendDone;

NTSTATUS SendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID CloseSender(PSENDER Sender)
{
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)Sender->Socket->Dispatch;
    IoReuseIrp(Sender->Irp, STATUS_UNSUCCESSFUL);
    KeResetEvent(&Sender->Done);
    IoSetCompletionRoutine(Sender->Irp, SendDone, &Sender->Done, TRUE, TRUE, TRUE);
    if (basic->WskCloseSocket(Sender->Socket, Sender->Irp) == STATUS_PENDING) {
        KeWaitForSingleObject(&Sender->Done, Executive, KernelMode, FALSE, NULL);
    }
    Sender->Socket = NULL;
}

NTSTATUS SendAll(PSENDER Sender)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Sender->Socket->Dispatch;
    NTSTATUS status = STATUS_UNSUCCESSFUL;
    while (Sender->Attempts++ < 3) {
        IoReuseIrp(Sender->Irp, STATUS_UNSUCCESSFUL);
        KeResetEvent(&Sender->Done);
        IoSetCompletionRoutine(Sender->Irp, SendDone, &Sender->Done, TRUE, TRUE, TRUE);
        status = dispatch->WskSend(Sender->Socket, &Sender->Buffer, 0, Sender->Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(&Sender->Done, Executive, KernelMode, FALSE, NULL);
            status = Sender->Irp->IoStatus.Status;
        }
        if (status == STATUS_FILE_FORCED_CLOSED) {
            CloseSender(Sender);
            break;
        }
        if (NT_SUCCESS(status)) {
            break;
        }
    }
    return status;
}
