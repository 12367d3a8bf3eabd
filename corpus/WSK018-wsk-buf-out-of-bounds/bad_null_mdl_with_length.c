/* A receive with a NULL MDL and a non-zero length. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ReceiveProbe(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF probe = { NULL, 0, 4096 };

    return dispatch->WskReceive(Socket, &probe, 0, Irp);  // expect: WSK018 "Mdl is NULL but Length is 4096"
}
