/* The socket context and a completion context come from paged pool. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN {
    PWSK_SOCKET Socket;
    KEVENT Done;
} CONN, *PCONN;

static PCONN AllocConn(VOID)
{
    PCONN c = (PCONN)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(CONN), 'nnoC'); // expect: WSK005 "AllocConn -> ExAllocatePool2"
    return c;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ConnDispatch = { NULL, NULL, NULL };

IO_COMPLETION_ROUTINE CreateDone;

NTSTATUS CreateDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS CreateConnection(PWSK_PROVIDER_NPI Provider, PIRP Irp)
{
    PCONN conn = AllocConn();
    PKEVENT done;
    if (conn == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    done = (PKEVENT)ExAllocatePoolWithTag(PagedPool, sizeof(KEVENT), 'tvEK');
    if (done == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(done, NotificationEvent, FALSE);
    IoSetCompletionRoutine(Irp, CreateDone, done, TRUE, TRUE, TRUE); // expect: WSK006 "completion context done given to IoSetCompletionRoutine is allocated from paged pool"
    return Provider->Dispatch->WskSocket(Provider->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, // expect: WSK006 "socket context conn given to WskSocket"
                                         WSK_FLAG_CONNECTION_SOCKET, conn, &g_ConnDispatch, NULL, NULL, NULL, Irp);
}

static NTSTATUS WSKAPI OnAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                                PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PCONN conn;
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    if (AcceptSocket == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    conn = AllocConn();
    if (conn == NULL) {
        return STATUS_REQUEST_NOT_ACCEPTED;
    }
    conn->Socket = AcceptSocket;
    *AcceptSocketContext = conn; // expect: WSK006 "socket context conn given to *AcceptSocketContext"
    *AcceptSocketDispatch = &g_ConnDispatch;
    return STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch = { OnAccept, NULL, NULL };
