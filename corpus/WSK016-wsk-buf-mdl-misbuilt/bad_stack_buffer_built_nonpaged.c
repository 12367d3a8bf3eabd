/* A header on the stack described with MmBuildMdlForNonPagedPool. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS DescribeHeader(PWSK_BUF Buf, ULONG Sequence)
{
    ULONG header[4];
    PMDL mdl;

    header[0] = Sequence;
    header[1] = header[2] = header[3] = 0;
    mdl = IoAllocateMdl(header, sizeof(header), FALSE, FALSE, NULL);
    if (mdl == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);  // expect: WSK016 "memory on the stack"
    Buf->Mdl = mdl;
    Buf->Offset = 0;
    Buf->Length = sizeof(header);
    return STATUS_SUCCESS;
}
