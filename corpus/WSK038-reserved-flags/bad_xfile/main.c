#include <ntddk.h>
#include <wsk.h>

NTSTATUS ConnectPeer(PWSK_SOCKET Socket, PSOCKADDR Peer, ULONG Flags, PIRP Irp);

NTSTATUS Dial(PWSK_SOCKET Socket, PSOCKADDR Peer, PIRP Irp)
{
    return ConnectPeer(Socket, Peer, WSK_FLAG_AT_DISPATCH_LEVEL, Irp); // expect: WSK038 "reserved Flags of WskConnect is 0x8"
}
