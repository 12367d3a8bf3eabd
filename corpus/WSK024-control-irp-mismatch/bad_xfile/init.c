/* ... used from another file for WSK_SET_STATIC_EVENT_CALLBACKS, which takes no IRP. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ClientControl(PWSK_PROVIDER_NPI Npi, ULONG Code, PVOID In, SIZE_T InSize, PIRP Irp);

typedef struct _CLIENT { WSK_PROVIDER_NPI Npi; PIRP Irp; } CLIENT, *PCLIENT;

NTSTATUS EnableAcceptEverywhere(PCLIENT Client)
{
    WSK_EVENT_CALLBACK_CONTROL cc;
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_ACCEPT;
    return ClientControl(&Client->Npi, WSK_SET_STATIC_EVENT_CALLBACKS, &cc, sizeof(cc), Client->Irp); // expect: WSK024 "WSK_SET_STATIC_EVENT_CALLBACKS is passed an IRP"
}
