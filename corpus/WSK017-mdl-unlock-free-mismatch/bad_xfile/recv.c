/* Receives into a caller buffer locked by the helper in lock.c; nothing unlocks it afterwards. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LockPages(PMDL Mdl);
NTSTATUS ReceiveSync(PWSK_SOCKET Socket, PWSK_BUF Buffer);

NTSTATUS ReceiveInto(PWSK_SOCKET Socket, PVOID Data, ULONG Length)
{
    WSK_BUF buf;
    NTSTATUS status;
    PMDL mdl = IoAllocateMdl(Data, Length, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = LockPages(mdl);
    if (!NT_SUCCESS(status)) {
        IoFreeMdl(mdl);
        return status;
    }
    buf.Mdl = mdl;
    buf.Offset = 0;
    buf.Length = Length;
    status = ReceiveSync(Socket, &buf);
    IoFreeMdl(mdl);  // expect: WSK017 "still locked"
    return status;
}
