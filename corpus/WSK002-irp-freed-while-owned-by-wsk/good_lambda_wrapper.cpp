// A template runs each WSK call synchronously through a lambda; it frees the IRP after a
// non-pending failure (its completion routine only signals) or after waiting.
#include <ntddk.h>
#include <wsk.h>

static NTSTATUS SyncOpDone(PDEVICE_OBJECT, PIRP, PVOID Context)
{
    KeSetEvent(static_cast<PKEVENT>(Context), IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

template <class OP, class DONE>
static NTSTATUS SyncOp(OP op, DONE done)
{
    KEVENT event;
    NTSTATUS status;
    PIRP irp;

    KeInitializeEvent(&event, NotificationEvent, FALSE);
    irp = IoAllocateIrp(1, FALSE);
    if (irp == nullptr) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SyncOpDone, &event, TRUE, TRUE, TRUE);
    status = op(irp);
    if (!NT_SUCCESS(status)) {
        IoFreeIrp(irp);
        return status;
    }
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, nullptr);
        status = irp->IoStatus.Status;
        if (!NT_SUCCESS(status)) {
            IoFreeIrp(irp);
            return status;
        }
    }
    done(irp);
    IoFreeIrp(irp);
    return status;
}

extern "C" NTSTATUS OpenAndBind(PWSK_PROVIDER_NPI Npi, PSOCKADDR Local, PWSK_SOCKET *Out)
{
    PWSK_SOCKET socket = nullptr;
    NTSTATUS status = SyncOp([Npi](PIRP irp) {
        return Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET,
                                        nullptr, nullptr, nullptr, nullptr, nullptr, irp);
    }, [&socket](PIRP irp) { socket = reinterpret_cast<PWSK_SOCKET>(irp->IoStatus.Information); });
    if (!NT_SUCCESS(status)) {
        return status;
    }
    auto dispatch = static_cast<const WSK_PROVIDER_DATAGRAM_DISPATCH *>(socket->Dispatch);
    status = SyncOp([dispatch, socket, Local](PIRP irp) { return dispatch->WskBind(socket, Local, 0, irp); },
                    [](PIRP) {});
    if (!NT_SUCCESS(status)) {
        SyncOp([dispatch, socket](PIRP irp) { return dispatch->Basic.WskCloseSocket(socket, irp); }, [](PIRP) {});
        return status;
    }
    *Out = socket;
    return status;
}
