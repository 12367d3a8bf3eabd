/* The IPv6 listener's local address is read into an IPv4-sized buffer. */
#include "listener.h"

NTSTATUS ListenerPort(PLISTENER l, PUSHORT Port)
{
    SOCKADDR_IN local;
    NTSTATUS status = ListenerWait(l, ((PWSK_PROVIDER_LISTEN_DISPATCH)l->Socket->Dispatch)->WskGetLocalAddress(
        l->Socket, (PSOCKADDR)&local, l->Irp)); // expect: WSK025 "WskGetLocalAddress writes an AF_INET6 address (28 bytes)"
    *Port = local.sin_port;
    return status;
}
