/* A transport-level option set without an IRP: the WSK pages do not say this works (note). */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS NoDelay(PWSK_SOCKET Conn)
{
    ULONG on = 1;
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Dispatch)->WskControlSocket( // expect: WSK024 "IPPROTO_TCP option TCP_NODELAY with a NULL IRP"
        Conn, WskSetOption, TCP_NODELAY, IPPROTO_TCP, sizeof(on), &on, 0, NULL, NULL, NULL);
}
