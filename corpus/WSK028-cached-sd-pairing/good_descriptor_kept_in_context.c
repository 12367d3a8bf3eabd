/* The cached copy is stored in the listener context; the teardown path releases it. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LISTENER {
    PWSK_PROVIDER_NPI Npi;
    PSECURITY_DESCRIPTOR Sd;
    PWSK_SOCKET Socket;
} LISTENER, *PLISTENER;

NTSTATUS ListenerCacheDescriptor(PLISTENER L, PSECURITY_DESCRIPTOR Raw)
{
    PSECURITY_DESCRIPTOR cached = NULL;
    NTSTATUS st;

    st = L->Npi->Dispatch->WskControlClient(L->Npi->Client, WSK_CACHE_SD, sizeof(Raw), &Raw,
                                            sizeof(cached), &cached, NULL, NULL);
    if (NT_SUCCESS(st)) {
        L->Sd = cached;
    }
    return st;
}

VOID ListenerTeardown(PLISTENER L)
{
    if (L->Sd != NULL) {
        L->Npi->Dispatch->WskControlClient(L->Npi->Client, WSK_RELEASE_SD, sizeof(L->Sd), &L->Sd, 0, NULL, NULL, NULL);
        L->Sd = NULL;
    }
}
