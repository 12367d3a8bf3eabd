/* Name resolution and address-list queries are PASSIVE_LEVEL only; here they run from callbacks. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT {
    WSK_PROVIDER_NPI Provider;
    PWSK_SOCKET Socket;
    UNICODE_STRING Host;
    PADDRINFOEXW Result;
    PIRP Irp;
} CLIENT, *PCLIENT;

static CLIENT g_Client;

IO_COMPLETION_ROUTINE ConnectDone;

NTSTATUS ConnectDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PCLIENT c = (PCLIENT)Context;
    PWSK_PROVIDER_BASIC_DISPATCH basic = (PWSK_PROVIDER_BASIC_DISPATCH)c->Socket->Dispatch;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
        c->Provider.Dispatch->WskGetAddressInfo(c->Provider.Client, &c->Host, NULL, NS_ALL, NULL, NULL, // expect: WSK005 "WskGetAddressInfo (PASSIVE_LEVEL only)"
                                                &c->Result, NULL, NULL, c->Irp);
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    basic->WskControlSocket(c->Socket, WskIoctl, SIO_ADDRESS_LIST_QUERY, 0, 0, NULL, 0, NULL, NULL, c->Irp); // expect: WSK005 "with control code SIO_ADDRESS_LIST_QUERY"
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS StartConnect(PCLIENT Client, PSOCKADDR Remote)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Client->Socket->Dispatch;
    IoSetCompletionRoutine(Client->Irp, ConnectDone, Client, TRUE, TRUE, TRUE);
    return dispatch->WskConnect(Client->Socket, Remote, 0, Client->Irp);
}
