/* A fresh stack IRP and a freshly initialised event for every call. */
#include <ntddk.h>
#include <wsk.h>

typedef union _ONE_IRP {
    IRP Irp;
    UCHAR Storage[sizeof(IRP) + sizeof(IO_STACK_LOCATION)];
} ONE_IRP;

static IO_COMPLETION_ROUTINE Wake;

static NTSTATUS Wake(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NETWORK_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS SetOption(PWSK_SOCKET Socket, ULONG Level, ULONG Option, ULONG Value)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Socket->Dispatch;
    KEVENT done;
    ONE_IRP one;
    NTSTATUS status;

    KeInitializeEvent(&done, SynchronizationEvent, FALSE);
    IoInitializeIrp(&one.Irp, sizeof(one.Storage), 1);
    IoSetCompletionRoutine(&one.Irp, Wake, &done, TRUE, TRUE, TRUE);
    status = dispatch->WskControlSocket(Socket, WskSetOption, Option, Level, sizeof(Value), &Value, 0, NULL, NULL,
                                        &one.Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
        status = one.Irp.IoStatus.Status;
    }
    return status;
}

NTSTATUS ConfigureDualStack(PWSK_SOCKET Socket)
{
    NTSTATUS status = SetOption(Socket, IPPROTO_IPV6, IPV6_V6ONLY, 0);
    if (NT_SUCCESS(status)) {
        status = SetOption(Socket, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);
    }
    return status;
}
