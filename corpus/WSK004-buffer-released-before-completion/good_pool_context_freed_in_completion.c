/* The request's buffers live in a pool context that the completion routine frees. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _ADDR_QUERY {
    SOCKADDR_IN6 Remote;
    PWSK_SOCKET Socket;
} ADDR_QUERY, *PADDR_QUERY;

IO_COMPLETION_ROUTINE AddrQueryDone;

NTSTATUS AddrQueryDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PADDR_QUERY q = (PADDR_QUERY)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (NT_SUCCESS(Irp->IoStatus.Status)) {
        DbgPrint("remote port %u\n", q->Remote.sin6_port);
    }
    ExFreePoolWithTag(q, 'yrQA');
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartAddrQuery(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    PADDR_QUERY q;
    PIRP irp;

    q = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*q), 'yrQA');
    if (q == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        ExFreePoolWithTag(q, 'yrQA');
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    q->Socket = Socket;
    IoSetCompletionRoutine(irp, AddrQueryDone, q, TRUE, TRUE, TRUE);
    return dispatch->WskGetRemoteAddress(Socket, (PSOCKADDR)&q->Remote, irp);
}
