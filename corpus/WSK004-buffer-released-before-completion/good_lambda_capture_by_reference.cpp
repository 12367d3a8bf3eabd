// Lambdas capture stack variables by reference; the wrapper that runs them waits for completion.
#include <ntddk.h>
#include <wsk.h>

static NTSTATUS WrapDone(PDEVICE_OBJECT, PIRP, PVOID Context)
{
    KeSetEvent(static_cast<PKEVENT>(Context), IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

template <class OP>
static NTSTATUS RunWaited(OP op)
{
    KEVENT event;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, WrapDone, &event, TRUE, TRUE, TRUE);
    NTSTATUS status = op(irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, nullptr);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}

extern "C" NTSTATUS QueryLocal(PWSK_SOCKET Socket, SOCKADDR_IN6 *Out)
{
    auto dispatch = static_cast<const WSK_PROVIDER_CONNECTION_DISPATCH *>(Socket->Dispatch);
    SOCKADDR_IN6 local = {};
    ULONG keepAlive = 1;

    NTSTATUS status = RunWaited([&](PIRP irp) {
        return dispatch->Basic.WskControlSocket(Socket, WskSetOption, SO_KEEPALIVE, SOL_SOCKET, sizeof(keepAlive),
                                                &keepAlive, 0, nullptr, nullptr, irp);
    });
    if (NT_SUCCESS(status)) {
        status = RunWaited([&](PIRP irp) { return dispatch->WskGetLocalAddress(Socket, (PSOCKADDR)&local, irp); });
    }
    if (NT_SUCCESS(status)) {
        *Out = local;
    }
    return status;
}
