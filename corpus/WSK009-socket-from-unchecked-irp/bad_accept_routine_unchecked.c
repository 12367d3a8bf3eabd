/* The accept completion routine stores the new socket whatever the outcome. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LISTENER {
    PWSK_SOCKET Socket;
    PWSK_SOCKET Accepted;
    SOCKADDR_IN6 Local;
    SOCKADDR_IN6 Remote;
} LISTENER, *PLISTENER;

IO_COMPLETION_ROUTINE AcceptDone;

NTSTATUS AcceptDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PLISTENER listener = (PLISTENER)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    listener->Accepted = (PWSK_SOCKET)Irp->IoStatus.Information;  // expect: WSK009
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartAccept(PLISTENER Listener)
{
    const WSK_PROVIDER_LISTEN_DISPATCH *dispatch = Listener->Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);

    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, AcceptDone, Listener, TRUE, TRUE, TRUE);
    return dispatch->WskAccept(Listener->Socket, 0, NULL, NULL, (PSOCKADDR)&Listener->Local,
                               (PSOCKADDR)&Listener->Remote, irp);
}
