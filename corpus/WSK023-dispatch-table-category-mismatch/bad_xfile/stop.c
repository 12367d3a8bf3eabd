/* ... and "disconnected" here through the connection table: the listen table has no such slot. */
#include "server.h"

VOID ServerStop(PSERVER Server)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH d = (PWSK_PROVIDER_CONNECTION_DISPATCH)Server->Listener->Dispatch;
    NTSTATUS status;
    ServerArm(Server);
    status = d->WskDisconnect(Server->Listener, NULL, 0, Server->Irp); // expect: WSK023 "WskDisconnect is called through WSK_PROVIDER_CONNECTION_DISPATCH on a listen socket"
    ServerWait(Server, &status);
    ServerArm(Server);
    status = d->WskCloseSocket(Server->Listener, Server->Irp);
    ServerWait(Server, &status);
    Server->Listener = NULL;
}
