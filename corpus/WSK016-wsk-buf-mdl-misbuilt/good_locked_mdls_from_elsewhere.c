/* MDLs that are already locked: a direct-I/O request's MdlAddress and pages from
   MmAllocatePagesForMdl are passed to WSK as they are. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DEV_EXT {
    PWSK_SOCKET Socket;
    PIRP SendIrp;
} DEV_EXT, *PDEV_EXT;

DRIVER_DISPATCH DispatchWriteDirect;

NTSTATUS DispatchWriteDirect(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEV_EXT ext = (PDEV_EXT)DeviceObject->DeviceExtension;
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = ext->Socket->Dispatch;
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    WSK_BUF buf;

    buf.Mdl = Irp->MdlAddress;
    buf.Offset = 0;
    buf.Length = sp->Parameters.Write.Length;
    return dispatch->WskSend(ext->Socket, &buf, 0, Irp);
}

PMDL AllocateSendPages(SIZE_T Bytes)
{
    PHYSICAL_ADDRESS low, high, skip;
    low.QuadPart = 0;
    high.QuadPart = -1;
    skip.QuadPart = 0;
    return MmAllocatePagesForMdl(low, high, skip, Bytes);
}
