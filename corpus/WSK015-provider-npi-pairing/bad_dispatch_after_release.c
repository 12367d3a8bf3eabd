/* The cached provider dispatch is used after the NPI was released. */
#include <ntddk.h>
#include <wsk.h>

extern WSK_REGISTRATION g_Registration;
extern const WSK_CLIENT_CONNECTION_DISPATCH g_ConnectionDispatch;

IO_COMPLETION_ROUTINE SocketCreated;

NTSTATUS OpenSocket(PIRP Irp, PVOID Context)
{
    WSK_PROVIDER_NPI provider;
    NTSTATUS status;

    status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &provider);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WskReleaseProviderNPI(&g_Registration);

    IoSetCompletionRoutine(Irp, SocketCreated, Context, TRUE, TRUE, TRUE);
    return provider.Dispatch->WskSocket(provider.Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, // expect: WSK015 "after WskReleaseProviderNPI"
                                        WSK_FLAG_CONNECTION_SOCKET, Context, &g_ConnectionDispatch,
                                        NULL, NULL, NULL, Irp);
}
