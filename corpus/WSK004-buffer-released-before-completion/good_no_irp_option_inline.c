/* Enabling event callbacks takes no IRP and completes inline: a stack control block is fine. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS EnableReceiveEvents(PWSK_SOCKET Socket)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL control;

    control.NpiId = &NPI_WSK_INTERFACE_ID;
    control.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT;
    return dispatch->Basic.WskControlSocket(Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
                                            sizeof(control), &control, 0, NULL, NULL, NULL);
}
