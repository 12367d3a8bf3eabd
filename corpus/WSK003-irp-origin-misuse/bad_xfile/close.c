/* Closes the link's socket with the IRP from context.c. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LINK {
    PWSK_SOCKET Socket;
    PIRP Irp;
} LINK, *PLINK;

IO_COMPLETION_ROUTINE LinkCloseDone;

NTSTATUS LinkCloseDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS LinkClose(PLINK Link)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Link->Socket->Dispatch;
    IoSetCompletionRoutine(Link->Irp, LinkCloseDone, Link, TRUE, TRUE, TRUE);
    return dispatch->WskCloseSocket(Link->Socket, Link->Irp);
}
