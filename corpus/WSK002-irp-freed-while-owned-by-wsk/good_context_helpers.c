/* The IRP and its event live in a per-socket context; helpers allocate, re-arm, wait and free
   (the KSOCKET design). Every request is waited for before the IRP is touched again. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _ASYNC {
    KEVENT Event;
    PIRP Irp;
} ASYNC, *PASYNC;

typedef struct _SOCK {
    PWSK_SOCKET Socket;
    ASYNC Async;
} SOCK, *PSOCK;

IO_COMPLETION_ROUTINE AsyncSignal;

NTSTATUS AsyncSignal(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS AsyncInit(PASYNC Async)
{
    KeInitializeEvent(&Async->Event, SynchronizationEvent, FALSE);
    Async->Irp = IoAllocateIrp(1, FALSE);
    if (Async->Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(Async->Irp, AsyncSignal, &Async->Event, TRUE, TRUE, TRUE);
    return STATUS_SUCCESS;
}

static VOID AsyncRearm(PASYNC Async)
{
    KeClearEvent(&Async->Event);
    IoReuseIrp(Async->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Async->Irp, AsyncSignal, &Async->Event, TRUE, TRUE, TRUE);
}

static NTSTATUS AsyncWait(PASYNC Async, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Async->Event, Executive, KernelMode, FALSE, NULL);
        *Status = Async->Irp->IoStatus.Status;
    }
    return *Status;
}

static VOID AsyncFree(PASYNC Async)
{
    IoFreeIrp(Async->Irp);
}

NTSTATUS SockConnect(PSOCK Sock, PSOCKADDR Local, PSOCKADDR Remote)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Sock->Socket->Dispatch;
    NTSTATUS status;

    AsyncRearm(&Sock->Async);
    status = dispatch->WskBind(Sock->Socket, Local, 0, Sock->Async.Irp);
    AsyncWait(&Sock->Async, &status);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    AsyncRearm(&Sock->Async);
    status = dispatch->WskConnect(Sock->Socket, Remote, 0, Sock->Async.Irp);
    AsyncWait(&Sock->Async, &status);
    return status;
}

NTSTATUS SockDisconnect(PSOCK Sock)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Sock->Socket->Dispatch;
    NTSTATUS status;

    AsyncRearm(&Sock->Async);
    status = dispatch->WskDisconnect(Sock->Socket, NULL, 0, Sock->Async.Irp);
    AsyncWait(&Sock->Async, &status);
    return status;
}

NTSTATUS SockClose(PSOCK Sock)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Sock->Socket->Dispatch;
    NTSTATUS status;

    AsyncRearm(&Sock->Async);
    status = dispatch->WskCloseSocket(Sock->Socket, Sock->Async.Irp);
    AsyncWait(&Sock->Async, &status);
    AsyncFree(&Sock->Async);
    return status;
}

NTSTATUS SockOpen(PWSK_PROVIDER_NPI Npi, PSOCK Sock)
{
    NTSTATUS status = AsyncInit(&Sock->Async);

    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET,
                                      NULL, NULL, NULL, NULL, NULL, Sock->Async.Irp);
    AsyncWait(&Sock->Async, &status);
    if (NT_SUCCESS(status)) {
        Sock->Socket = (PWSK_SOCKET)Sock->Async.Irp->IoStatus.Information;
    } else {
        AsyncFree(&Sock->Async);
    }
    return status;
}
