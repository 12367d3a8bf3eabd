/* Opens the tunnel's UDP socket. */
#include <ntddk.h>
#include "wdfmini.h"
#include "tunnel.h"

extern WSK_PROVIDER_NPI g_TunnelNpi;
extern const WSK_CLIENT_DATAGRAM_DISPATCH TunnelDatagramDispatch;

IO_COMPLETION_ROUTINE TunnelSocketCreated;

NTSTATUS TunnelSocketCreated(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS TunnelConnect(WDFREQUEST Request)
{
    PIRP irp = IoAllocateIrp(1, FALSE);
    UNREFERENCED_PARAMETER(Request);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, TunnelSocketCreated, NULL, TRUE, TRUE, TRUE);
    return g_TunnelNpi.Dispatch->WskSocket(g_TunnelNpi.Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP,  // expect: WSK030
                                           WSK_FLAG_DATAGRAM_SOCKET, NULL, &TunnelDatagramDispatch, NULL, NULL,
                                           NULL, irp);
}
