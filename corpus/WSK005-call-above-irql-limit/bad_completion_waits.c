/* A send completion routine waits for the next buffer, allocates paged memory and signals with Wait = TRUE. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SENDER {
    KEVENT BufferReady;
    KEVENT Done;
    PVOID Scratch;
} SENDER, *PSENDER;

IO_COMPLETION_ROUTINE SendDone;

NTSTATUS SendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PSENDER s = (PSENDER)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    KeWaitForSingleObject(&s->BufferReady, Executive, KernelMode, FALSE, NULL); // expect: WSK005 "with a NULL (infinite) timeout"
    s->Scratch = ExAllocatePoolWithTag(PagedPool, 64, 'dneS'); // expect: WSK005 "paged pool"
    KeSetEvent(&s->Done, IO_NO_INCREMENT, TRUE); // expect: WSK005 "Wait = TRUE"
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartSend(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSENDER Sender)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SendDone, Sender, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Socket, Buffer, 0, irp);
}
