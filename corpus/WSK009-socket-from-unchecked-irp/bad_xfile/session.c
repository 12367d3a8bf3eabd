/* Opens a session socket; the error path dereferences the socket the helper never returned. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS NewStreamSocket(PWSK_PROVIDER_NPI Npi, PWSK_SOCKET *Socket);

NTSTATUS OpenSession(PWSK_PROVIDER_NPI Npi, PIRP Irp)
{
    PWSK_SOCKET sock;
    NTSTATUS status = NewStreamSocket(Npi, &sock);

    if (!NT_SUCCESS(status)) {
        ((const WSK_PROVIDER_BASIC_DISPATCH *)sock->Dispatch)->WskCloseSocket(sock, Irp);  // expect: WSK009
        return status;
    }
    return status;
}
