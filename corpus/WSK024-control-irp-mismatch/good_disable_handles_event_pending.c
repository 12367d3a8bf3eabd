/* Trap: disabling without an IRP is allowed; the code tells STATUS_EVENT_PENDING apart from success and
   waits for the running callback before freeing the context. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN { PWSK_SOCKET Socket; EX_RUNDOWN_REF InCallback; } CONN, *PCONN;

NTSTATUS StopReceiving(PCONN Conn)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    NTSTATUS status;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE;
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch)->WskControlSocket(
        Conn->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
    if (status == STATUS_EVENT_PENDING) {
        ExWaitForRundownProtectionRelease(&Conn->InCallback);
        status = STATUS_SUCCESS;
    }
    if (NT_SUCCESS(status)) {
        ExFreePoolWithTag(Conn, 'nnoC');
    }
    return status;
}

NTSTATUS StartReceiving(PCONN Conn)
{
    WSK_EVENT_CALLBACK_CONTROL cc = { &NPI_WSK_INTERFACE_ID, WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT };
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Socket->Dispatch)->WskControlSocket(
        Conn->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL, NULL, NULL);
}
