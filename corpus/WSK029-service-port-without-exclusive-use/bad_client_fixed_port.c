/* A client connection bound to a fixed local port (note). */
#include <ntddk.h>
#include <wsk.h>

SOCKADDR_IN g_ClientLocal = { AF_INET, 0x3930, { 0 } };   /* port 12345 in network byte order */

NTSTATUS Dial(PWSK_PROVIDER_NPI Npi, PIRP Irp, PKEVENT Done, PSOCKADDR Peer)
{
    PWSK_SOCKET s;
    NTSTATUS status = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                               WSK_FLAG_CONNECTION_SOCKET, NULL, NULL, NULL, NULL, NULL, Irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskBind(s, (PSOCKADDR)&g_ClientLocal, 0, Irp); // expect: WSK029 "bound to the fixed local port 12345"
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        status = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskConnect(s, Peer, 0, Irp);
        if (status == STATUS_PENDING) {
            KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
            status = Irp->IoStatus.Status;
        }
    }
    return status;
}
