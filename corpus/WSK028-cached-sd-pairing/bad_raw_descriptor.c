/* A service listener that passes the descriptor it just built straight to WskSocket. */
#include <ntddk.h>
#include <wsk.h>

extern const WSK_CLIENT_LISTEN_DISPATCH ListenDispatch;

NTSTATUS CreateSharedListener(PWSK_PROVIDER_NPI Npi, PVOID Ctx, PIRP Irp, PKEVENT Done)
{
    SECURITY_DESCRIPTOR sd;
    NTSTATUS st;

    st = RtlCreateSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = RtlSetDaclSecurityDescriptor(&sd, TRUE, NULL, FALSE);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                  Ctx, &ListenDispatch, NULL, NULL,
                                  &sd,  // expect: WSK028 "raw security descriptor"
                                  Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    return st;
}
