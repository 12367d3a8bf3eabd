/* Opens the tunnel's UDP socket. */
#include <ntddk.h>
#include "wdfmini.h"
#include "tunnel.h"

extern WSK_PROVIDER_NPI g_TunnelNpi;
extern const WSK_CLIENT_DATAGRAM_DISPATCH TunnelDatagramDispatch;

NTSTATUS TunnelConnect(WDFREQUEST Request)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    UNREFERENCED_PARAMETER(Request);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return g_TunnelNpi.Dispatch->WskSocket(g_TunnelNpi.Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,  // expect: WSK030
                                           WSK_FLAG_DATAGRAM_SOCKET, NULL, &TunnelDatagramDispatch, NULL, NULL,
                                           NULL, irp);
}
