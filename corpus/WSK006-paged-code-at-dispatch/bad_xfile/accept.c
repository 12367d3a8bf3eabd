/* The accept callback validates its arguments with pageable code. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS WSKAPI ServerAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                             PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                             const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    PAGED_CODE(); // expect: WSK006 "WskAcceptEvent callback ServerAccept (registered at events.c:9)"
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(LocalAddress);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocket);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    return STATUS_REQUEST_NOT_ACCEPTED;
}
