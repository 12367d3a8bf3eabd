/* Resolve, copy what is needed, free with WskFreeAddressInfo on the success path only. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ResolveCopy(PWSK_PROVIDER_NPI Provider, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done, PSOCKADDR_IN6 Out)
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
    if (result->ai_addrlen <= sizeof(SOCKADDR_IN6)) {
        RtlCopyMemory(Out, result->ai_addr, result->ai_addrlen);
    } else {
        status = STATUS_BUFFER_TOO_SMALL;
    }
    Provider->Dispatch->WskFreeAddressInfo(Provider->Client, result);
    return status;
}
