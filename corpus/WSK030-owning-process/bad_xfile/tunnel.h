#pragma once
#include <ntddk.h>
#include <wsk.h>
#include "wdfmini.h"

#define IOCTL_TUNNEL_CONNECT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)

NTSTATUS TunnelConnect(WDFREQUEST Request);
