/* ... and the listener that binds to it, with IPV6_V6ONLY cleared but no SO_EXCLUSIVEADDRUSE, here. */
#include <ntddk.h>
#include <wsk.h>

extern SOCKADDR_IN6 g_ServiceAddress;

static NTSTATUS SetOption(PWSK_SOCKET Socket, ULONG Level, ULONG Code, PULONG Value, PIRP Irp, PKEVENT Done)
{
    NTSTATUS status = ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskControlSocket(
        Socket, WskSetOption, Code, Level, sizeof(*Value), Value, 0, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS StartService(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PWSK_SOCKET *Out)
{
    ULONG off = 0;
    PWSK_SOCKET s;
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
                                               WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    *Out = s;
    status = SetOption(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, Irp, Done);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Dispatch)->WskBind(s, (PSOCKADDR)&g_ServiceAddress, 0, Irp); // expect: WSK029 "fixed port 8080 without SO_EXCLUSIVEADDRUSE"
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    return status;
}
