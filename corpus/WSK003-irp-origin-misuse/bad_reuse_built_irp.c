/* An IRP built by IoBuildDeviceIoControlRequest is recycled with IoReuseIrp. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS QueryTwice(PDEVICE_OBJECT Target, PVOID Out, ULONG OutLength)
{
    KEVENT done;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status;
    PIRP irp;

    KeInitializeEvent(&done, NotificationEvent, FALSE);
    irp = IoBuildDeviceIoControlRequest(0x222004, Target, NULL, 0, Out, OutLength, FALSE, &done, &iosb);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = IoCallDriver(Target, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    }
    IoReuseIrp(irp, STATUS_UNSUCCESSFUL);  // expect: WSK003 "IoBuild*Request built"
    return iosb.Status;
}
