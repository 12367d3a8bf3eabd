/* Packet logging, serialised by an event that the log writer thread signals. */
#include "net.h"

static KEVENT g_LogIdle;

VOID NetLogPacket(PNET_CONN Conn, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Conn);
    UNREFERENCED_PARAMETER(Length);
    KeWaitForSingleObject(&g_LogIdle, Executive, KernelMode, FALSE, NULL); // expect: WSK005 "WskReceiveEvent callback NetReceive (registered at conn.c:4) -> NetDeliver -> NetLogPacket -> KeWaitForSingleObject"
}
