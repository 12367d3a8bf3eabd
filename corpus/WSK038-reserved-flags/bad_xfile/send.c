/* The helper lives here; the reserved flag is chosen by the caller in the other file. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ConnectPeer(PWSK_SOCKET Socket, PSOCKADDR Peer, ULONG Flags, PIRP Irp)
{
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskConnect(Socket, Peer, Flags, Irp);
}
