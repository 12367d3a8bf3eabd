/* The output buffer is freed on the timeout-free path before the request completed. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE QueryDone;

NTSTATUS QueryDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS QueryRemote(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    NTSTATUS status;
    PSOCKADDR remote;
    PIRP irp;

    remote = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(SOCKADDR_IN6), 'tmeR');
    if (remote == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        ExFreePoolWithTag(remote, 'tmeR');
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, QueryDone, NULL, TRUE, TRUE, TRUE);
    status = dispatch->WskGetRemoteAddress(Socket, remote, irp);
    ExFreePoolWithTag(remote, 'tmeR');  // expect: WSK004 "freed while the WskGetRemoteAddress request"
    return status;
}
