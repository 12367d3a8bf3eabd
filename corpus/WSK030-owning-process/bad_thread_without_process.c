/* Resolves a host name in the caller's context but passes only the thread. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ResolveForCaller(PWSK_PROVIDER_NPI Npi, PUNICODE_STRING Host, PIRP Irp, PKEVENT Done, PADDRINFOEXW *Out)
{
    NTSTATUS st;

    st = Npi->Dispatch->WskGetAddressInfo(Npi->Client, Host, NULL, NS_ALL, NULL, NULL, Out, NULL,
                                          PsGetCurrentThread(),  // expect: WSK030 "STATUS_INVALID_PARAMETER"
                                          Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    return st;
}
