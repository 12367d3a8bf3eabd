/* Name resolution and address-list queries are PASSIVE_LEVEL only; here they run from a callback
   and a DPC. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT {
    WSK_PROVIDER_NPI Provider;
    PWSK_SOCKET Socket;
    UNICODE_STRING Host;
    PADDRINFOEXW Result;
    PIRP ResolveIrp;
    PIRP QueryIrp;
    KDPC RefreshDpc;
} CLIENT, *PCLIENT;

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    PCLIENT c = (PCLIENT)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    c->Provider.Dispatch->WskGetAddressInfo(c->Provider.Client, &c->Host, NULL, NS_ALL, NULL, NULL, // expect: WSK005 "WskGetAddressInfo (PASSIVE_LEVEL only)"
                                            &c->Result, NULL, NULL, c->ResolveIrp);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ClientDispatch = { NULL, OnDisconnect, NULL };

static VOID RefreshAddresses(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PCLIENT c = (PCLIENT)Context;
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)c->Socket->Dispatch;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    basic->WskControlSocket(c->Socket, WskIoctl, SIO_ADDRESS_LIST_QUERY, 0, 0, NULL, 0, NULL, NULL, c->QueryIrp); // expect: WSK005 "with control code SIO_ADDRESS_LIST_QUERY"
}

VOID StartRefresh(PCLIENT Client)
{
    KeInitializeDpc(&Client->RefreshDpc, RefreshAddresses, Client);
}
