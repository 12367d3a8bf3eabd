/* A control helper that always passes the socket's IRP ... */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS ClientControl(PWSK_PROVIDER_NPI Npi, ULONG Code, PVOID In, SIZE_T InSize, PIRP Irp)
{
    return Npi->Dispatch->WskControlClient(Npi->Client, Code, InSize, In, 0, NULL, NULL, Irp);
}
