/* A sender retries every failed send on the same socket; a forced close makes it spin forever. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SENDER {
    PWSK_SOCKET Socket;
    WSK_BUF Buffer;
    PIRP Irp;
    KEVENT Done;
} SENDER, *PSENDER;

IO_COMPLETION_ROUTINE SendDone;

NTSTATUS SendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendAll(PSENDER Sender)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Sender->Socket->Dispatch;
    NTSTATUS status;
    for (;;) {
        IoReuseIrp(Sender->Irp, STATUS_UNSUCCESSFUL);
        KeResetEvent(&Sender->Done);
        IoSetCompletionRoutine(Sender->Irp, SendDone, &Sender->Done, TRUE, TRUE, TRUE);
        status = dispatch->WskSend(Sender->Socket, &Sender->Buffer, 0, Sender->Irp); // expect: WSK021 "issues WskSend again on the same socket after it fails"
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(&Sender->Done, Executive, KernelMode, FALSE, NULL);
            status = Sender->Irp->IoStatus.Status;
        }
        if (NT_SUCCESS(status)) {
            break;
        }
    }
    return status;
}
