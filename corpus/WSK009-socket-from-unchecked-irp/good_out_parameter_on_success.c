/* A helper returns the socket through an out-parameter only on success; the caller uses it only then,
   and cleanup closes only a socket that was set. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS CreateSocketSync(PWSK_PROVIDER_NPI Npi, PWSK_SOCKET *Socket);
NTSTATUS ConnectSync(PWSK_SOCKET Socket, PSOCKADDR Remote);
NTSTATUS CloseSocketSync(PWSK_SOCKET Socket);

NTSTATUS OpenConnected(PWSK_PROVIDER_NPI Npi, PSOCKADDR Remote, PWSK_SOCKET *Out)
{
    PWSK_SOCKET sock;
    PWSK_SOCKET spare = NULL;
    NTSTATUS status;

    status = CreateSocketSync(Npi, &sock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = ConnectSync(sock, Remote);
    if (!NT_SUCCESS(status)) {
        CloseSocketSync(sock);
        if (spare != NULL) {
            CloseSocketSync(spare);
        }
        return status;
    }
    *Out = sock;
    return status;
}
