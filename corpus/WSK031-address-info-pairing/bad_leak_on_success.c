/* The success path copies the first address and returns without freeing the list. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ResolveFirst(PWSK_PROVIDER_NPI Provider, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done,
                      PSOCKADDR_IN6 Out)
{
    PADDRINFOEXW result = NULL;
    NTSTATUS status;

    status = Provider->Dispatch->WskGetAddressInfo(Provider->Client, Host, NULL, NS_ALL, NULL, NULL, // expect: WSK031 "not freed"
                                                   &result, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlCopyMemory(Out, result->ai_addr, sizeof(SOCKADDR_IN6));
    return STATUS_SUCCESS;
}
