/* The IPv6 listener's local address is read into an IPv4-sized buffer. */
#include "listener.h"

NTSTATUS ListenerPort(PLISTENER l, PUSHORT Port)
{
    SOCKADDR_IN local;
    NTSTATUS status;
    Arm(l->Irp, &l->Done);
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)l->Socket->Dispatch)->WskGetLocalAddress(
        l->Socket, (PSOCKADDR)&local, l->Irp); // expect: WSK025 "WskGetLocalAddress writes an AF_INET6 address (28 bytes)"
    Wait(l->Irp, &l->Done, &status);
    *Port = local.sin_port;
    return status;
}
