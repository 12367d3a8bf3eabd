/* Options and calls that need an IRP are issued without one. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ProtectPort(PWSK_SOCKET Listener)
{
    ULONG on = 1;
    PWSK_PROVIDER_LISTEN_DISPATCH d = (PWSK_PROVIDER_LISTEN_DISPATCH)Listener->Dispatch;
    return d->WskControlSocket(Listener, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof(on), &on, 0, NULL, // expect: WSK024 "SO_EXCLUSIVEADDRUSE is used with a NULL IRP"
                               NULL, NULL);
}

NTSTATUS QueryBacklog(PWSK_SOCKET Conn, SIZE_T *Ideal)
{
    SIZE_T returned = 0;
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Conn->Dispatch)->WskControlSocket( // expect: WSK024 "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG is used with a NULL IRP"
        Conn, WskIoctl, SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, 0, 0, NULL, sizeof(*Ideal), Ideal, &returned, NULL);
}

VOID Drop(PWSK_SOCKET Socket)
{
    ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskCloseSocket(Socket, NULL); // expect: WSK024 "WskCloseSocket is called with a NULL IRP"
}
