/* Paged pool described as non-paged, and the MDL is not checked for NULL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _MSG {
    PVOID Data;
    PMDL Mdl;
    WSK_BUF Buffer;
} MSG, *PMSG;

NTSTATUS MsgPrepare(PMSG Msg, SIZE_T Length)
{
    PVOID data = ExAllocatePool2(POOL_FLAG_PAGED, Length, 'gsMM');
    PMDL mdl;

    if (data == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    mdl = IoAllocateMdl(data, (ULONG)Length, FALSE, FALSE, NULL);
    MmBuildMdlForNonPagedPool(mdl);  // expect: WSK016 "without checking it for NULL"
    Msg->Data = data;
    Msg->Mdl = mdl;
    Msg->Buffer.Mdl = mdl;
    Msg->Buffer.Offset = 0;
    Msg->Buffer.Length = Length;
    return STATUS_SUCCESS;
}

NTSTATUS MsgPrepareChecked(PMSG Msg, SIZE_T Length)
{
    PVOID data = ExAllocatePoolWithTag(PagedPool, Length, 'gsMM');
    PMDL mdl;

    if (data == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    mdl = IoAllocateMdl(data, (ULONG)Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        ExFreePoolWithTag(data, 'gsMM');
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    MmBuildMdlForNonPagedPool(mdl);  // expect: WSK016 "paged pool"
    Msg->Data = data;
    Msg->Mdl = mdl;
    return STATUS_SUCCESS;
}
