/* The socket variable is never set when creation fails, and the cleanup path closes it. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS CreateSocketSync(PWSK_PROVIDER_NPI Npi, PWSK_SOCKET *Socket);
NTSTATUS BindSync(PWSK_SOCKET Socket, PSOCKADDR Address);

static VOID CloseQuietly(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Socket->Dispatch;
    dispatch->WskCloseSocket(Socket, Irp);
}

NTSTATUS OpenBound(PWSK_PROVIDER_NPI Npi, PSOCKADDR Address, PIRP CloseIrp, PWSK_SOCKET *Out)
{
    PWSK_SOCKET sock;
    NTSTATUS status;

    status = CreateSocketSync(Npi, &sock);
    if (!NT_SUCCESS(status)) {
        goto fail;
    }
    status = BindSync(sock, Address);
    if (!NT_SUCCESS(status)) {
        goto fail;
    }
    *Out = sock;
    return STATUS_SUCCESS;

fail:
    CloseQuietly(sock, CloseIrp);  // expect: WSK009 "without ever having been set"
    return status;
}
