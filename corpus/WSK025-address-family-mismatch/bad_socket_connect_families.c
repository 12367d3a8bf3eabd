/* WskSocketConnect takes the family from the local address: the remote one must match it. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS Dial(PWSK_PROVIDER_NPI Npi, ULONG PeerV4, PIRP Irp)
{
    SOCKADDR_IN6 local;
    SOCKADDR_IN remote;
    RtlZeroMemory(&local, sizeof(local));
    local.sin6_family = AF_INET6;
    RtlZeroMemory(&remote, sizeof(remote));
    remote.sin_family = AF_INET;
    remote.sin_port = RtlUshortByteSwap(443);
    remote.sin_addr.s_addr = PeerV4;
    return Npi->Dispatch->WskSocketConnect(Npi->Client, SOCK_STREAM, IPPROTO_TCP, (PSOCKADDR)&local,
                                           (PSOCKADDR)&remote, // expect: WSK025 "WskSocketConnect is given an AF_INET6 local address and an AF_INET address"
                                           0, NULL, NULL, NULL, NULL, NULL, Irp);
}
