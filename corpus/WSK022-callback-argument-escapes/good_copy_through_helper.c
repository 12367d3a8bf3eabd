/* Addresses and the inspect ID are copied (directly, and through a helper that copies). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    SOCKADDR_IN6 Remote;
    WSK_INSPECT_ID Id;
} PEER, *PPEER;

PEER g_Peer;

static VOID CopyAddress(PSOCKADDR_IN6 Dest, PSOCKADDR Source)
{
    RtlCopyMemory(Dest, Source, sizeof(*Dest));
}

WSK_INSPECT_ACTION WSKAPI OnPeerInspect(PVOID SocketContext, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                        PWSK_INSPECT_ID InspectID)
{
    PSOCKADDR local = LocalAddress;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(local);
    if (InspectID == NULL) {
        return WskInspectReject;
    }
    CopyAddress(&g_Peer.Remote, RemoteAddress);
    g_Peer.Id = *InspectID;
    return WskInspectPend;
}

const WSK_CLIENT_LISTEN_DISPATCH PeerDispatch = { NULL, OnPeerInspect, NULL };

/* The pended inspection is completed later with the copied ID. */
NTSTATUS AdmitPeer(PWSK_SOCKET Listener, PIRP Irp)
{
    return ((PWSK_PROVIDER_LISTEN_DISPATCH)Listener->Dispatch)->WskInspectComplete(Listener, &g_Peer.Id,
                                                                                   WskInspectAccept, Irp);
}
