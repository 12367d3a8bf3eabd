/* Creates the connection; the event table is defined here, the callbacks live in recv.c. */
#include "net.h"

const NET_EVENTS g_NetEvents = { NetReceive, NetDisconnect, NULL };

NTSTATUS NetConnect(PNET_CONN Conn, PSOCKADDR Local, PSOCKADDR Remote)
{
    return Conn->Provider->Dispatch->WskSocketConnect(Conn->Client, SOCK_STREAM, IPPROTO_TCP, Local, Remote, 0,
                                                      Conn, &g_NetEvents, NULL, NULL, NULL, Conn->Irp);
}
