/* A DPC flushes queued frames on the uplink socket. */
#include "conn.h"

VOID UplinkFlush(PUPLINK Uplink)
{
    ((PWSK_PROVIDER_CONNECTION_DISPATCH)Uplink->Socket->Dispatch)->WskSend(Uplink->Socket, &Uplink->Frame, 0,
                                                                          Uplink->SendIrp);
}

static VOID FlushDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    UplinkFlush((PUPLINK)Context);
}

VOID UplinkStart(PUPLINK Uplink)
{
    KeInitializeDpc(&Uplink->FlushDpc, FlushDpc, Uplink);
}
