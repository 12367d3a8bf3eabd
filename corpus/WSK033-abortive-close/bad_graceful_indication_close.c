/* A server that never disconnects: when a peer disconnects gracefully it closes the socket,
 * which resets the connection the peer is still entitled to read from. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SESSION {
    PWSK_SOCKET Socket;
    PIRP CloseIrp;
} SESSION, *PSESSION;

IO_COMPLETION_ROUTINE SessionClosed;

NTSTATUS SessionClosed(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID CloseSession(PSESSION S)
{
    const WSK_PROVIDER_BASIC_DISPATCH *basic = S->Socket->Dispatch;
    IoSetCompletionRoutine(S->CloseIrp, SessionClosed, S, TRUE, TRUE, TRUE);
    basic->WskCloseSocket(S->Socket, S->CloseIrp);  // expect: WSK033 "never calls WskDisconnect"
}

NTSTATUS WSKAPI SessionDisconnected(PVOID SocketContext, ULONG Flags)
{
    PSESSION s = (PSESSION)SocketContext;
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = s->Socket->Dispatch;

    if (Flags & WSK_FLAG_ABORTIVE) {
        /* the connection is already gone: nothing left to lose */
        IoSetCompletionRoutine(s->CloseIrp, SessionClosed, s, TRUE, TRUE, TRUE);
        return conn->WskCloseSocket(s->Socket, s->CloseIrp);
    }
    IoSetCompletionRoutine(s->CloseIrp, SessionClosed, s, TRUE, TRUE, TRUE);
    conn->WskCloseSocket(s->Socket, s->CloseIrp);  // expect: WSK033 "never calls WskDisconnect"
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH SessionDispatch = { NULL, SessionDisconnected, NULL };

NTSTATUS WSKAPI SessionAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                              PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                              const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PSESSION s;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    s = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*s), 'sseS');
    if (s == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    s->Socket = AcceptSocket;
    s->CloseIrp = IoAllocateIrp(1, FALSE);
    if (s->CloseIrp == NULL) {
        ExFreePoolWithTag(s, 'sseS');
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    *AcceptSocketContext = s;
    *AcceptSocketDispatch = &SessionDispatch;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH SessionListenDispatch = { SessionAccept, NULL, NULL };

VOID SessionShutdown(PSESSION S)
{
    CloseSession(S);
}
