/* Polls for one datagram with the remote address and flags on its own stack. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS StartReceiveFrom(PWSK_SOCKET Socket, PWSK_BUF Buffer, PSOCKADDR From, PULONG ControlFlags);

NTSTATUS PollDatagram(PWSK_SOCKET Socket, PWSK_BUF Buffer)
{
    SOCKADDR_IN6 from;
    ULONG flags = 0;

    return StartReceiveFrom(Socket, Buffer, (PSOCKADDR)&from, &flags);  // expect: WSK004 "'&from'", WSK004 "'&flags'"
}
