/* A zero-length receive with a NULL MDL re-enables receive events; a full-size buffer with offset 0. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ReenableReceive(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF empty = { NULL, 0, 0 };

    return dispatch->WskReceive(Socket, &empty, 0, Irp);
}

NTSTATUS SendWhole(PWSK_SOCKET Socket, PVOID Block, PIRP Irp, PMDL *Out)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF buf;
    PMDL mdl = IoAllocateMdl(Block, 2048, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);
    *Out = mdl;
    buf.Mdl = mdl;
    buf.Offset = 0;
    buf.Length = 2048;
    return dispatch->WskSend(Socket, &buf, 0, Irp);
}
