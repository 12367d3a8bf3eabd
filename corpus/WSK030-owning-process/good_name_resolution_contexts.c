/* Name resolution with both the caller's process and thread, or with neither. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ResolveAsCaller(PWSK_PROVIDER_NPI Npi, PUNICODE_STRING Host, PADDRINFOEXW *Out, PIRP Irp)
{
    return Npi->Dispatch->WskGetAddressInfo(Npi->Client, Host, NULL, NS_ALL, NULL, NULL, Out,
                                            PsGetCurrentProcess(), PsGetCurrentThread(), Irp);
}

NTSTATUS ResolveAnonymously(PWSK_PROVIDER_NPI Npi, PUNICODE_STRING Host, PADDRINFOEXW *Out, PIRP Irp)
{
    return Npi->Dispatch->WskGetAddressInfo(Npi->Client, Host, NULL, NS_ALL, NULL, NULL, Out, NULL, NULL, Irp);
}
