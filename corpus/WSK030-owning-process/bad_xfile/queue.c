/* The framework queue callback that handles the "connect" request. */
#include <ntddk.h>
#include "wdfmini.h"
#include "tunnel.h"

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL TunnelIoDeviceControl;

VOID TunnelIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength,
                           ULONG IoControlCode)
{
    NTSTATUS st = STATUS_INVALID_DEVICE_REQUEST;
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    if (IoControlCode == IOCTL_TUNNEL_CONNECT) {
        st = TunnelConnect(Request);
    }
    TunnelRequestComplete(Request, st);
}

NTSTATUS TunnelCreateQueue(WDFDEVICE Device)
{
    WDF_IO_QUEUE_CONFIG config;
    RtlZeroMemory(&config, sizeof(config));
    config.Size = sizeof(config);
    config.EvtIoDeviceControl = TunnelIoDeviceControl;
    return TunnelQueueCreate(Device, &config);
}
