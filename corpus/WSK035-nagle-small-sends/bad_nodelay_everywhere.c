/* A bulk replication channel that disables Nagle on every send. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _REPLICA {
    PWSK_SOCKET Socket;
} REPLICA, *PREPLICA;

NTSTATUS ReplicaSendPage(PREPLICA R, PWSK_BUF Page, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = R->Socket->Dispatch;
    return conn->WskSend(R->Socket, Page, WSK_FLAG_NODELAY, Irp);  // expect: WSK035 "passes WSK_FLAG_NODELAY"
}

NTSTATUS ReplicaSendManifest(PREPLICA R, PWSK_BUF Manifest, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = R->Socket->Dispatch;
    return conn->WskSend(R->Socket, Manifest, WSK_FLAG_NODELAY, Irp);
}
