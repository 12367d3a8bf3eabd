/* SAL contracts: a function declared callable at DISPATCH_LEVEL calls a PASSIVE-only routine, and a
   callback calls a helper declared PASSIVE-only. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _PEER {
    HANDLE ConfigKey;
    ULONG Bytes;
} PEER, *PPEER;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID PeerAccount(PPEER Peer, ULONG Bytes)
{
    UNICODE_STRING name;
    ULONG needed = 0;
    Peer->Bytes += Bytes;
    RtlInitUnicodeString(&name, L"Bytes");
    ZwQueryValueKey(Peer->ConfigKey, &name, KeyValuePartialInformation, NULL, 0, &needed); // expect: WSK005 "PeerAccount (annotated _IRQL_requires_max_(DISPATCH_LEVEL))"
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID PeerReloadConfig(PPEER Peer)
{
    ZwClose(Peer->ConfigKey);
    Peer->ConfigKey = NULL;
}

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    PeerReloadConfig((PPEER)SocketContext); // expect: WSK005 "PeerReloadConfig (annotated _IRQL_requires_max_(PASSIVE_LEVEL)) can be called at DISPATCH_LEVEL"
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_PeerDispatch = { NULL, OnDisconnect, NULL };
