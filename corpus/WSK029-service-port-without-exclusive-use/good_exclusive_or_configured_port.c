/* Trap: the service port is protected with SO_EXCLUSIVEADDRUSE before the bind; another listener's port
   comes from configuration. */
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

NTSTATUS StartService(PWSK_PROVIDER_NPI Npi, PSOCK s)
{
    SOCKADDR_IN any = { AF_INET, 0, { 0 } };
    NTSTATUS status = SockOpen(Npi, s, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    any.sin_port = RtlUshortByteSwap(8443);
    status = SockOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
    if (NT_SUCCESS(status)) {
        status = SockBind(s, (PSOCKADDR)&any);
    }
    return status;
}

NTSTATUS StartConfigured(PWSK_PROVIDER_NPI Npi, PSOCK s, PUNICODE_STRING RegistryPath)
{
    SOCKADDR_IN any = { AF_INET, 0, { 0 } };
    ULONG port = 0;
    RTL_QUERY_REGISTRY_TABLE query[2];
    NTSTATUS status;
    RtlZeroMemory(query, sizeof(query));
    query[0].Flags = RTL_QUERY_REGISTRY_DIRECT;
    query[0].Name = L"Port";
    query[0].EntryContext = &port;
    status = RtlQueryRegistryValues(RTL_REGISTRY_ABSOLUTE, RegistryPath->Buffer, query, NULL, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = SockOpen(Npi, s, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET);
    if (NT_SUCCESS(status)) {
        any.sin_port = RtlUshortByteSwap((USHORT)port);
        status = SockBind(s, (PSOCKADDR)&any);
    }
    return status;
}
