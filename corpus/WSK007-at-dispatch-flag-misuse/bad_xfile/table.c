/* The datagram events are registered here; the callback is in rx.c. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS WSKAPI RxReceiveFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION DataIndication);

const WSK_CLIENT_DATAGRAM_DISPATCH g_RxEvents = { RxReceiveFrom };
