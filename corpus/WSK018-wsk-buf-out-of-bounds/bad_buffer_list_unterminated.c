/* Two datagrams sent with WskSendMessages from a list on the stack: the second element's WSK_BUF is
   filled in, but its Next is never set, so WSK walks on into stack garbage. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE BatchSignal;

NTSTATUS BatchSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendPair(PWSK_SOCKET Socket, PSOCKADDR Peer, PMDL First, ULONG FirstLength, PMDL Second, ULONG SecondLength)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF_LIST head;
    WSK_BUF_LIST tail;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    head.Next = &tail;
    head.Buffer.Mdl = First;
    head.Buffer.Offset = 0;
    head.Buffer.Length = FirstLength;
    tail.Buffer.Mdl = Second;
    tail.Buffer.Offset = 0;
    tail.Buffer.Length = SecondLength;
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, BatchSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskSendMessages(Socket, &head, 0, Peer, 0, NULL, irp);  // expect: WSK018 "'tail.Next' is never set"
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}

NTSTATUS SendTriple(PWSK_SOCKET Socket, PSOCKADDR Peer, PMDL Mdl, ULONG Length)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF_LIST list[3];
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlZeroMemory(list, sizeof(list));
    list[0].Next = &list[1];
    list[0].Buffer.Mdl = Mdl;
    list[0].Buffer.Length = Length;
    list[1].Next = &list[2];
    list[1].Buffer.Mdl = Mdl;
    list[1].Buffer.Length = Length;
    list[2].Buffer.Length = 512;
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, BatchSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskSendMessages(Socket, list, 0, Peer, 0, NULL, irp);  // expect: WSK018 "element 'list[2]' has a NULL Mdl"
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}

NTSTATUS SendHeaderOnly(PWSK_SOCKET Socket, PSOCKADDR Peer, PMDL Header, ULONG HeaderLength)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF_LIST header;
    WSK_BUF_LIST payload;
    KEVENT done;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    header.Next = &payload;
    header.Buffer.Mdl = Header;
    header.Buffer.Offset = 0;
    header.Buffer.Length = HeaderLength;
    payload.Next = NULL;
    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, BatchSignal, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskSendMessages(Socket, &header, 0, Peer, 0, NULL, irp);  // expect: WSK018 "element 'payload' is never initialised"
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}
