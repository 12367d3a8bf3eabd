/* A reverse-lookup helper takes the thread from its caller; the process is left NULL. */
#include <ntddk.h>
#include <wsk.h>

static NTSTATUS LookupName(PWSK_PROVIDER_NPI Npi, PSOCKADDR Addr, PUNICODE_STRING Name, PETHREAD Thread, PIRP Irp)
{
    return Npi->Dispatch->WskGetNameInfo(Npi->Client, Addr, sizeof(SOCKADDR_IN6), Name, NULL, 0, NULL, Thread, Irp);
}

NTSTATUS NameOfPeer(PWSK_PROVIDER_NPI Npi, PSOCKADDR Peer, PUNICODE_STRING Name, PIRP Irp)
{
    return LookupName(Npi, Peer, Name, KeGetCurrentThread(), Irp);  // expect: WSK030 "OwningThread"
}
