/* Trap: the list is handed to the caller through an out-parameter; the caller frees it. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LookupHost(PWSK_PROVIDER_NPI Provider, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done, PADDRINFOEXW *List)
{
    PADDRINFOEXW result = NULL;
    NTSTATUS status;

    *List = NULL;
    status = Provider->Dispatch->WskGetAddressInfo(Provider->Client, Host, NULL, NS_ALL, NULL, NULL,
                                                   &result, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        *List = result;
    }
    return status;
}

VOID ReleaseHostList(PWSK_PROVIDER_NPI Provider, PADDRINFOEXW List)
{
    if (List != NULL) {
        Provider->Dispatch->WskFreeAddressInfo(Provider->Client, List);
    }
}
