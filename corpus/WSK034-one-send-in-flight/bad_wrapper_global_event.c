/* A block writer whose completion routine signals a driver-wide event; the writer waits on that
 * event after every send, and the flush loop writes block after block through it. */
#include <ntddk.h>
#include <wsk.h>

static KEVENT g_BlockSent;

IO_COMPLETION_ROUTINE BlockSent;

NTSTATUS BlockSent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Context);
    KeSetEvent(&g_BlockSent, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS WriteBlock(PWSK_SOCKET Socket, PWSK_BUF Block, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = Socket->Dispatch;

    KeClearEvent(&g_BlockSent);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, BlockSent, NULL, TRUE, TRUE, TRUE);
    conn->WskSend(Socket, Block, 0, Irp);
    KeWaitForSingleObject(&g_BlockSent, Executive, KernelMode, FALSE, NULL);
    return Irp->IoStatus.Status;
}

NTSTATUS FlushBlocks(PWSK_SOCKET Socket, PWSK_BUF Blocks, ULONG Count, PIRP Irp)
{
    NTSTATUS st = STATUS_SUCCESS;
    ULONG i;

    for (i = 0; i < Count && NT_SUCCESS(st); i++) {
        st = WriteBlock(Socket, &Blocks[i], Irp);  // expect: WSK034
    }
    return st;
}
