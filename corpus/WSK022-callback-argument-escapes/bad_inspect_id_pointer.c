/* The inspect callback keeps the WSK_INSPECT_ID pointer for a later WskInspectComplete. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PENDING_INSPECT {
    PWSK_INSPECT_ID Id;
    SOCKADDR_IN6 Remote;
} PENDING_INSPECT, *PPENDING_INSPECT;

PENDING_INSPECT g_Pending;

static VOID Remember(PPENDING_INSPECT Slot, PWSK_INSPECT_ID Id)
{
    Slot->Id = Id;
}

WSK_INSPECT_ACTION WSKAPI OnInspect(PVOID SocketContext, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                    PWSK_INSPECT_ID InspectID)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(LocalAddress);
    RtlCopyMemory(&g_Pending.Remote, RemoteAddress, sizeof(g_Pending.Remote));
    Remember(&g_Pending, InspectID);  // expect: WSK022 "passed to Remember"
    return WskInspectPend;
}

const WSK_CLIENT_LISTEN_DISPATCH InspectDispatch = { NULL, OnInspect, NULL };

/* Later, the kept pointer is used to complete the inspection. */
NTSTATUS AdmitPending(PWSK_SOCKET Listener, PIRP Irp)
{
    return ((PWSK_PROVIDER_LISTEN_DISPATCH)Listener->Dispatch)->WskInspectComplete(Listener, g_Pending.Id,
                                                                                   WskInspectAccept, Irp);
}
