/* The pages of the caller's buffer stay locked: the MDL is freed without MmUnlockPages. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS SendSync(PWSK_SOCKET Socket, PWSK_BUF Buffer);

NTSTATUS SendUserBuffer(PWSK_SOCKET Socket, PVOID Data, ULONG Length)
{
    WSK_BUF buf;
    NTSTATUS status;

    buf.Offset = 0;
    buf.Length = Length;
    buf.Mdl = IoAllocateMdl(Data, Length, FALSE, FALSE, NULL);
    if (buf.Mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(buf.Mdl, KernelMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(buf.Mdl);
        return GetExceptionCode();
    }
    status = SendSync(Socket, &buf);
    IoFreeMdl(buf.Mdl);  // expect: WSK017 "still locked"
    return status;
}
