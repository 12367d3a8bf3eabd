/* A connection socket connected without a bind, and another one sent on before it is connected. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CLIENT { PIRP Irp; KEVENT Done; } CLIENT, *PCLIENT;

static IO_COMPLETION_ROUTINE Signal;

static NTSTATUS Signal(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID Arm(PIRP Irp, PKEVENT Done)
{
    KeClearEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, Signal, Done, TRUE, TRUE, TRUE);
}

static VOID Wait(PIRP Irp, PKEVENT Done, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        *Status = Irp->IoStatus.Status;
    }
}

static NTSTATUS ClientSocket(PWSK_PROVIDER_NPI Npi, PCLIENT c, PWSK_SOCKET *Out)
{
    NTSTATUS status;
    Arm(c->Irp, &c->Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                      WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL,
                                      NULL, c->Irp);
    Wait(c->Irp, &c->Done, &status);
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
    NTSTATUS result;
    Arm(c->Irp, &c->Done);
    result = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskConnect(s, Peer, 0, c->Irp); // expect: WSK026 "WskConnect is called on a socket that was not bound"
    Wait(c->Irp, &c->Done, &result);
    return result;
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
    Arm(c->Irp, &c->Done);
    status = d->WskBind(s, (PSOCKADDR)&local, 0, c->Irp);
    Wait(c->Irp, &c->Done, &status);
    if (NT_SUCCESS(status)) {
        Arm(c->Irp, &c->Done);
        status = d->WskSend(s, Greeting, 0, c->Irp); // expect: WSK026 "WskSend is called on a connection socket that is not connected"
        Wait(c->Irp, &c->Done, &status);
    }
    return status;
}
