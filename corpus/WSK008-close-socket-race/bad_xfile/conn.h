#pragma once
#include <ntddk.h>
#include <wsk.h>

typedef struct _UPLINK {
    PWSK_SOCKET Socket;
    PIRP SendIrp;
    PIRP CloseIrp;
    WSK_BUF Frame;
    KDPC FlushDpc;
} UPLINK, *PUPLINK;

VOID UplinkFlush(PUPLINK Uplink);
