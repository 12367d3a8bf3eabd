/* Disabling the receive callback without an IRP, then freeing its context when NT_SUCCESS passes:
   STATUS_EVENT_PENDING (the callback is still running) is a success code. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN { PWSK_SOCKET Socket; ULONG Received; } CONN, *PCONN;

NTSTATUS StopReceiving(PCONN Conn)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    NTSTATUS status;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE;
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch)->WskControlSocket(
        Conn->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
    if (NT_SUCCESS(status)) {
        ExFreePoolWithTag(Conn, 'nnoC'); // expect: WSK024 "STATUS_EVENT_PENDING"
    }
    return status;
}
