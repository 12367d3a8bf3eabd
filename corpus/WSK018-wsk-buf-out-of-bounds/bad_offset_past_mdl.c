/* Offset and length go past the one MDL the send describes. */
#include <ntddk.h>
#include <wsk.h>

#define FRAME_BYTES 1500
#define HEADER_BYTES 64

typedef struct _FRAME {
    UCHAR Data[FRAME_BYTES];
} FRAME, *PFRAME;

IO_COMPLETION_ROUTINE FrameSent;

NTSTATUS FrameSent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoFreeMdl((PMDL)Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendFramePayload(PWSK_SOCKET Socket, PFRAME Frame)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Socket->Dispatch;
    WSK_BUF buf;
    PIRP irp;
    PMDL mdl = IoAllocateMdl(Frame->Data, FRAME_BYTES, FALSE, FALSE, NULL);

    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);
    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        IoFreeMdl(mdl);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    buf.Mdl = mdl;
    buf.Offset = HEADER_BYTES;
    buf.Length = FRAME_BYTES;
    IoSetCompletionRoutine(irp, FrameSent, mdl, TRUE, TRUE, TRUE);
    return dispatch->WskSend(Socket, &buf, 0, irp);  // expect: WSK018 "exceeds the 1500 bytes"
}
