/* A connection socket connected without a bind, and another one sent on before it is connected. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT { PIRP Irp; KEVENT Done; } CLIENT, *PCLIENT;

static NTSTATUS ClientWait(PCLIENT c, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&c->Done, Executive, KernelMode, FALSE, NULL);
        status = c->Irp->IoStatus.Status;
    }
    return status;
}

static NTSTATUS ClientSocket(PWSK_PROVIDER_NPI Npi, PCLIENT c, PWSK_SOCKET *Out)
{
    NTSTATUS status = ClientWait(c, Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                                             WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL,
                                                             NULL, c->Irp));
    if (NT_SUCCESS(status)) {
        *Out = (PWSK_SOCKET)c->Irp->IoStatus.Information;
    }
    return status;
}

NTSTATUS Dial(PWSK_PROVIDER_NPI Npi, PCLIENT c, PSOCKADDR Peer)
{
    PWSK_SOCKET s;
    NTSTATUS status = ClientSocket(Npi, c, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return ClientWait(c, ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskConnect(s, Peer, 0, c->Irp)); // expect: WSK026 "WskConnect is called on a socket that was not bound"
}

NTSTATUS Hello(PWSK_PROVIDER_NPI Npi, PCLIENT c, PWSK_BUF Greeting)
{
    SOCKADDR_IN local = { AF_INET };
    PWSK_SOCKET s;
    PWSK_PROVIDER_CONNECTION_DISPATCH d;
    NTSTATUS status = ClientSocket(Npi, c, &s);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    d = (PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch;
    status = ClientWait(c, d->WskBind(s, (PSOCKADDR)&local, 0, c->Irp));
    if (NT_SUCCESS(status)) {
        status = ClientWait(c, d->WskSend(s, Greeting, 0, c->Irp)); // expect: WSK026 "WskSend is called on a connection socket that is not connected"
    }
    return status;
}
