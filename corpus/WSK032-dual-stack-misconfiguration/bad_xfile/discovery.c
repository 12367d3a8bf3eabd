/* ... and the IPv6 wildcard responder that forgets IPV6_V6ONLY in this one. */
#include "sock.h"

NTSTATUS StartResponder(PWSK_PROVIDER_NPI Npi, PSOCK s)
{
    SOCKADDR_IN6 any = { AF_INET6, 0, 0, IN6ADDR_ANY_INIT, 0 };
    NTSTATUS status = SockOpen(Npi, s, AF_INET6, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    any.sin6_port = RtlUshortByteSwap(3702);
    status = SockOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
    if (NT_SUCCESS(status)) {
        status = SockBind(s, (PSOCKADDR)&any); // expect: WSK032 "IPv6-only, so IPv4 clients cannot reach it"
    }
    return status;
}
