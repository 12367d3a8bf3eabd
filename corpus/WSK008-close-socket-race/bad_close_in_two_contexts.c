/* The disconnect callback closes the socket, and so does unload: whichever runs second closes a freed
   socket. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT {
    PWSK_SOCKET Socket;
    PIRP CloseIrp;
} CLIENT, *PCLIENT;

static CLIENT g_Client;

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    PCLIENT c = (PCLIENT)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    ((PWSK_PROVIDER_BASIC_DISPATCH)c->Socket->Dispatch)->WskCloseSocket(c->Socket, c->CloseIrp); // expect: WSK008 "closes the socket in CLIENT.Socket while Unload closes it too"
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ClientDispatch = { NULL, OnDisconnect, NULL };

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    ((PWSK_PROVIDER_BASIC_DISPATCH)g_Client.Socket->Dispatch)->WskCloseSocket(g_Client.Socket, g_Client.CloseIrp); // expect: WSK008 "closes the socket in CLIENT.Socket while OnDisconnect closes it too"
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}
