/* An IPv6 wildcard listener protected with SO_EXCLUSIVEADDRUSE but left IPv6-only: IPv4 clients cannot
   connect (the fix clears IPV6_V6ONLY with the same option helper). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SOCK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } SOCK, *PSOCK;

static IO_COMPLETION_ROUTINE SockDone;

static NTSTATUS SockDone(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID SockArm(PSOCK s)
{
    KeClearEvent(&s->Done);
    IoReuseIrp(s->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(s->Irp, SockDone, &s->Done, TRUE, TRUE, TRUE);
}

static VOID SockWait(PSOCK s, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(&s->Done, Executive, KernelMode, FALSE, NULL);
        *Status = s->Irp->IoStatus.Status;
    }
}

static NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK s, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol,
                         ULONG Flags)
{
    NTSTATUS status;
    SockArm(s);
    status = Npi->Dispatch->WskSocket(Npi->Client, Family, Type, Protocol, Flags, s, NULL, NULL, NULL, NULL, s->Irp);
    SockWait(s, &status);
    if (NT_SUCCESS(status)) {
        s->Socket = (PWSK_SOCKET)s->Irp->IoStatus.Information;
    }
    return status;
}

static NTSTATUS SockOption(PSOCK s, ULONG Level, ULONG Code, ULONG Value)
{
    ULONG v = Value;
    NTSTATUS status;
    SockArm(s);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)s->Socket->Dispatch)->WskControlSocket(
        s->Socket, WskSetOption, Code, Level, sizeof(v), &v, 0, NULL, NULL, s->Irp);
    SockWait(s, &status);
    return status;
}

static NTSTATUS SockBind(PSOCK s, PSOCKADDR Local)
{
    NTSTATUS status;
    SockArm(s);
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Socket->Dispatch)->WskBind(s->Socket, Local, 0, s->Irp);
    SockWait(s, &status);
    return status;
}

SOCKADDR_IN6 g_Any6 = { AF_INET6, 0xA00F, 0, IN6ADDR_ANY_INIT, 0 };   /* port 4000, network byte order */

NTSTATUS StartEcho(PWSK_PROVIDER_NPI Npi, PSOCK s)
{
    NTSTATUS status = SockOpen(Npi, s, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = SockOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
    if (NT_SUCCESS(status)) {
        status = SockBind(s, (PSOCKADDR)&g_Any6); // expect: WSK032 "bound to the IPv6 wildcard address port 4000 without clearing IPV6_V6ONLY"
    }
    return status;
}
