/* A test double that implements the provider side of WSK: it fills WSK_PROVIDER_*_DISPATCH tables with
   its own functions. Client rules must not judge this code (it completes IRPs it was given, returns
   statuses WSK callers see, and so on). */
#include <ntddk.h>
#include <wsk.h>

static NTSTATUS WSKAPI FakeControlSocket(PWSK_SOCKET Socket, WSK_CONTROL_SOCKET_TYPE RequestType,
                                          ULONG ControlCode, ULONG Level, SIZE_T InputSize, PVOID InputBuffer,
                                          SIZE_T OutputSize, PVOID OutputBuffer, SIZE_T *OutputSizeReturned,
                                          PIRP Irp)
{
    UNREFERENCED_PARAMETER(Socket);
    UNREFERENCED_PARAMETER(RequestType);
    UNREFERENCED_PARAMETER(ControlCode);
    UNREFERENCED_PARAMETER(Level);
    UNREFERENCED_PARAMETER(InputSize);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(OutputSize);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(OutputSizeReturned);
    if (Irp != NULL) {
        Irp->IoStatus.Status = STATUS_SUCCESS;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI FakeCloseSocket(PWSK_SOCKET Socket, PIRP Irp)
{
    ExFreePoolWithTag(Socket, 'kaFW');
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI FakeSend(PWSK_SOCKET Socket, PWSK_BUF Buffer, ULONG Flags, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Socket);
    UNREFERENCED_PARAMETER(Flags);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = Buffer->Length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

const WSK_PROVIDER_BASIC_DISPATCH g_FakeBasicDispatch = {
    FakeControlSocket,
    FakeCloseSocket,
};

VOID InstallFakeSend(WSK_PROVIDER_CONNECTION_DISPATCH *Table)
{
    Table->WskSend = FakeSend;
}
