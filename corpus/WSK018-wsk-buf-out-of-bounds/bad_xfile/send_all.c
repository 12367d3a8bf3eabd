/* Sends the trailer of each block through the same socket. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS SendTrailer(PWSK_SOCKET Socket, PVOID Block, PIRP Irp, PMDL *Mdl);

NTSTATUS SendAll(PWSK_SOCKET Socket, PVOID Block, PIRP Irp, PMDL *Mdl)
{
    return SendTrailer(Socket, Block, Irp, Mdl);
}
