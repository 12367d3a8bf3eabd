/* On a failed send the completion routine closes the socket through a helper. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    PWSK_SOCKET Socket;
    PIRP CloseIrp;
} PEER, *PPEER;

static VOID PeerAbort(PPEER Peer)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Peer->Socket->Dispatch;
    dispatch->WskCloseSocket(Peer->Socket, Peer->CloseIrp);  // expect: WSK011 "through PeerAbort"
}

IO_COMPLETION_ROUTINE PeerSendDone;

NTSTATUS PeerSendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        PeerAbort((PPEER)Context);
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}
