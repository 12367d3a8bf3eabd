/* Releases the cached descriptor as soon as WskSocket returns, although the socket creation
 * may still be pending and WSK still reads the descriptor. */
#include <ntddk.h>
#include <wsk.h>

extern const WSK_CLIENT_LISTEN_DISPATCH ListenDispatch;

NTSTATUS OpenListener(PWSK_PROVIDER_NPI Npi, PSECURITY_DESCRIPTOR Raw, PVOID Ctx, PIRP Irp)
{
    PSECURITY_DESCRIPTOR in = Raw;
    PSECURITY_DESCRIPTOR cached = NULL;
    NTSTATUS st;

    st = Npi->Dispatch->WskControlClient(Npi->Client, WSK_CACHE_SD, sizeof(in), &in,
                                         sizeof(cached), &cached, NULL, NULL);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                  Ctx, &ListenDispatch, NULL, NULL, cached, Irp);
    Npi->Dispatch->WskControlClient(Npi->Client, WSK_RELEASE_SD, sizeof(cached), &cached,  // expect: WSK028 "may still be pending"
                                    0, NULL, NULL, NULL);
    return st;
}
