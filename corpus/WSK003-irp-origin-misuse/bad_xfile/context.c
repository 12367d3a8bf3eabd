/* Per-connection state: the IRP is allocated without a stack location. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LINK {
    PWSK_SOCKET Socket;
    PIRP Irp;
} LINK, *PLINK;

NTSTATUS LinkInit(PLINK Link, PWSK_SOCKET Socket)
{
    Link->Socket = Socket;
    Link->Irp = IoAllocateIrp(0, FALSE);  // expect: WSK003 "no I/O stack location"
    return Link->Irp != NULL ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
