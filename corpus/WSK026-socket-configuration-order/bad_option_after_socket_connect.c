/* WskSocketConnect binds and connects in one step: SO_REUSEADDR afterwards is too late. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LINK { PWSK_SOCKET Socket; PIRP Irp; KEVENT Done; } LINK, *PLINK;

static NTSTATUS LinkWait(PLINK l, NTSTATUS status)
{
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&l->Done, Executive, KernelMode, FALSE, NULL);
        status = l->Irp->IoStatus.Status;
    }
    return status;
}

NTSTATUS LinkUp(PWSK_PROVIDER_NPI Npi, PLINK l, PSOCKADDR Local, PSOCKADDR Remote)
{
    ULONG on = 1;
    NTSTATUS status = LinkWait(l, Npi->Dispatch->WskSocketConnect(Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local,
                                                                  Remote, 0, l, NULL, NULL, NULL, NULL, l->Irp));
    if (!NT_SUCCESS(status)) {
        return status;
    }
    l->Socket = (PWSK_SOCKET)l->Irp->IoStatus.Information;
    return LinkWait(l, ((PWSK_PROVIDER_CONNECTION_DISPATCH)l->Socket->Dispatch)->WskControlSocket( // expect: WSK026 "SO_REUSEADDR is set on a socket that WskSocketConnect already bound and connected"
        l->Socket, WskSetOption, SO_REUSEADDR, SOL_SOCKET, sizeof(on), &on, 0, NULL, NULL, l->Irp));
}
