/* The address list is freed with the pool allocator instead of WskFreeAddressInfo. */
#include <ntddk.h>
#include <wsk.h>

VOID UseAddresses(PADDRINFOEXW List);

NTSTATUS Resolve(PWSK_PROVIDER_NPI Provider, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done)
{
    PADDRINFOEXW result = NULL;
    NTSTATUS status;

    status = Provider->Dispatch->WskGetAddressInfo(Provider->Client, Host, NULL, NS_ALL, NULL, NULL,
                                                   &result, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        UseAddresses(result);
        ExFreePool(result); // expect: WSK031 "freed with ExFreePool"
    }
    return status;
}
