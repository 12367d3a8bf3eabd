/* Lists for WskSendMessages: built element by element and terminated, zeroed first, or filled by a
   helper the analysis does not follow (values unknown: not judged). */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE ListSignal;

NTSTATUS ListSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID FillList(PWSK_BUF_LIST List, ULONG Count, PMDL Mdl, ULONG Length);

static NTSTATUS SendList(PWSK_SOCKET Socket, PSOCKADDR Peer, PWSK_BUF_LIST List, PIRP Irp)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(Irp, ListSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskSendMessages(Socket, List, 0, Peer, 0, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS SendTwo(PWSK_SOCKET Socket, PSOCKADDR Peer, PMDL A, ULONG LengthA, PMDL B, ULONG LengthB)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF_LIST first;
    WSK_BUF_LIST second = { NULL, { B, 0, 0 } };
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    second.Buffer.Length = LengthB;
    first.Next = &second;
    first.Buffer.Mdl = A;
    first.Buffer.Offset = 0;
    first.Buffer.Length = LengthA;
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, ListSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskSendMessages(Socket, &first, 0, Peer, 0, NULL, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}

NTSTATUS SendZeroed(PWSK_SOCKET Socket, PSOCKADDR Peer, PMDL Mdl, ULONG Length)
{
    WSK_BUF_LIST list[2];
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(list, sizeof(list));
    list[0].Next = &list[1];
    list[0].Buffer.Mdl = Mdl;
    list[0].Buffer.Length = Length;
    list[1].Buffer.Mdl = Mdl;
    list[1].Buffer.Length = Length;
    status = SendList(Socket, Peer, &list[0], irp);
    IoFreeIrp(irp);
    return status;
}

NTSTATUS SendFilled(PWSK_SOCKET Socket, PSOCKADDR Peer, PMDL Mdl, ULONG Length)
{
    WSK_BUF_LIST list[4];
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    FillList(list, 4, Mdl, Length);
    status = SendList(Socket, Peer, list, irp);
    IoFreeIrp(irp);
    return status;
}
