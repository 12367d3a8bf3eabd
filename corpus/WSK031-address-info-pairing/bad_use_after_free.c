/* The list is freed, then its first entry is read. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ResolveFamily(PWSK_PROVIDER_NPI Provider, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done, PUSHORT Family)
{
    PADDRINFOEXW result = NULL;
    NTSTATUS status;

    status = Provider->Dispatch->WskGetAddressInfo(Provider->Client, Host, NULL, NS_ALL, NULL, NULL,
                                                   &result, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    Provider->Dispatch->WskFreeAddressInfo(Provider->Client, result);
    *Family = (USHORT)result->ai_family; // expect: WSK031 "used after"
    return STATUS_SUCCESS;
}
