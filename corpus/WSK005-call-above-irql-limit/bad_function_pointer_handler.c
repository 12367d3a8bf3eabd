/* The accept callback runs a per-listener handler through a function pointer; one handler blocks. */
#include <ntddk.h>
#include <wsk.h>

typedef NTSTATUS (*ACCEPT_HANDLER)(PVOID Listener, PWSK_SOCKET Socket);

typedef struct _LISTENER {
    ACCEPT_HANDLER OnAccept;
    ERESOURCE Lock;
    ULONG Accepted;
} LISTENER, *PLISTENER;

static NTSTATUS CountingHandler(PVOID Listener, PWSK_SOCKET Socket)
{
    PLISTENER l = (PLISTENER)Listener;
    UNREFERENCED_PARAMETER(Socket);
    InterlockedIncrement((volatile LONG *)&l->Accepted);
    return STATUS_SUCCESS;
}

static NTSTATUS AuditHandler(PVOID Listener, PWSK_SOCKET Socket)
{
    PLISTENER l = (PLISTENER)Listener;
    UNREFERENCED_PARAMETER(Socket);
    ExAcquireResourceExclusiveLite(&l->Lock, TRUE); // expect: WSK005 "ExAcquireResourceExclusiveLite (IRQL <= APC_LEVEL) can be called at DISPATCH_LEVEL: WskAcceptEvent callback OnAccept"
    l->Accepted++;
    ExReleaseResourceLite(&l->Lock);
    return STATUS_SUCCESS;
}

VOID ConfigureListener(PLISTENER Listener, BOOLEAN Audit)
{
    if (Audit) {
        Listener->OnAccept = AuditHandler;
    } else {
        Listener->OnAccept = CountingHandler;
    }
}

static NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PLISTENER listener = (PLISTENER)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    listener->OnAccept(listener, AcceptSocket);
    return STATUS_REQUEST_NOT_ACCEPTED;
}

const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { OnAccept, NULL, NULL };
