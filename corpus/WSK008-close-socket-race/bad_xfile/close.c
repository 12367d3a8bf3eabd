/* A work item tears the uplink down without waiting for the flush DPC. */
#include "conn.h"

IO_WORKITEM_ROUTINE UplinkTeardown;

VOID UplinkTeardown(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PUPLINK u = (PUPLINK)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    ((PWSK_PROVIDER_BASIC_DISPATCH)u->Socket->Dispatch)->WskCloseSocket(u->Socket, u->CloseIrp); // expect: WSK008 "while UplinkFlush calls WskSend on it from another context (work item UplinkTeardown and dpc FlushDpc)"
}

VOID UplinkStop(PUPLINK Uplink, PIO_WORKITEM Item)
{
    IoQueueWorkItem(Item, UplinkTeardown, DelayedWorkQueue, Uplink);
}
