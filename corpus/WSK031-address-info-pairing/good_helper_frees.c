/* Trap: a helper consumes and frees the list. */
#include <ntddk.h>
#include <wsk.h>

static VOID ConsumeAndFree(PWSK_PROVIDER_NPI Provider, PADDRINFOEXW List, PSOCKADDR_IN6 Out)
{
    if (List->ai_family == AF_INET6) {
        RtlCopyMemory(Out, List->ai_addr, sizeof(SOCKADDR_IN6));
    }
    Provider->Dispatch->WskFreeAddressInfo(Provider->Client, List);
}

NTSTATUS ResolveV6(PWSK_PROVIDER_NPI Provider, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done, PSOCKADDR_IN6 Out)
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
        ConsumeAndFree(Provider, result, Out);
    }
    return status;
}
