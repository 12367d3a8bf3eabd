/* ... and the listener that binds to it, with IPV6_V6ONLY cleared but no SO_EXCLUSIVEADDRUSE, here. */
#include <ntddk.h>
#include <wsk.h>

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

extern SOCKADDR_IN6 g_ServiceAddress;

static NTSTATUS SetOption(PWSK_SOCKET Socket, ULONG Level, ULONG Code, PULONG Value, PIRP Irp, PKEVENT Done)
{
    NTSTATUS status;
    Arm(Irp, Done);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskControlSocket(
        Socket, WskSetOption, Code, Level, sizeof(*Value), Value, 0, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    return status;
}

NTSTATUS StartService(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PWSK_SOCKET *Out)
{
    ULONG off = 0;
    PWSK_SOCKET s;
    NTSTATUS status;
    Arm(Irp, Done);
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, NULL,
                                      NULL, NULL, NULL, NULL, Irp);
    Wait(Irp, Done, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    *Out = s;
    status = SetOption(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, Irp, Done);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    Arm(Irp, Done);
    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)s->Dispatch)->WskBind(s, (PSOCKADDR)&g_ServiceAddress, 0, Irp); // expect: WSK029 "fixed port 8080 without SO_EXCLUSIVEADDRUSE"
    Wait(Irp, Done, &status);
    return status;
}
