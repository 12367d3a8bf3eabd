/* IoAllocateIrp(0, ...) leaves no stack location for WSK. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE GetAddrDone;

NTSTATUS GetAddrDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS QueryLocalAddress(PWSK_SOCKET Socket, PSOCKADDR Address)
{
    const WSK_PROVIDER_DATAGRAM_DISPATCH *dispatch = Socket->Dispatch;
    PIRP irp;

    irp = IoAllocateIrp(0, FALSE);  // expect: WSK003 "no I/O stack location"
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, GetAddrDone, NULL, TRUE, TRUE, TRUE);
    return dispatch->WskGetLocalAddress(Socket, Address, irp);
}
