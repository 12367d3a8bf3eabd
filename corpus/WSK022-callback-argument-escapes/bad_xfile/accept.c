/* Accepts connections and records where they arrived through table.c. */
#include <ntddk.h>
#include <wsk.h>

VOID TableRecord(ULONG Slot, PSOCKADDR Local);

NTSTATUS WSKAPI OnTableAccept(PVOID SocketContext, ULONG Flags, PSOCKADDR LocalAddress, PSOCKADDR RemoteAddress,
                              PWSK_SOCKET AcceptSocket, PVOID *AcceptSocketContext,
                              const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(RemoteAddress);
    UNREFERENCED_PARAMETER(AcceptSocketContext);
    UNREFERENCED_PARAMETER(AcceptSocketDispatch);
    TableRecord(1, LocalAddress);  // expect: WSK022 "passed to TableRecord"
    return AcceptSocket != NULL ? STATUS_REQUEST_NOT_ACCEPTED : STATUS_SUCCESS;
}

const WSK_CLIENT_LISTEN_DISPATCH TableListenDispatch = { OnTableAccept, NULL, NULL };
