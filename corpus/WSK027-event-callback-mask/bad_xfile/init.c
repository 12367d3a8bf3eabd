/* Every socket gets its receive-from callback enabled statically ... */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS EnableStaticReceive(PWSK_PROVIDER_NPI Npi)
{
    WSK_EVENT_CALLBACK_CONTROL cc = { &NPI_WSK_INTERFACE_ID, WSK_EVENT_RECEIVE_FROM };
    return Npi->Dispatch->WskControlClient(Npi->Client, WSK_SET_STATIC_EVENT_CALLBACKS, sizeof(cc), &cc, 0, NULL,
                                           NULL, NULL);
}
