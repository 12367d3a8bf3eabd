/* Reads a socket's descriptor to log its control bits and never releases the copy WSK returned. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS LogSocketSecurity(PWSK_SOCKET Socket, PIRP Irp, PKEVENT Done)
{
    const WSK_PROVIDER_BASIC_DISPATCH *basic = Socket->Dispatch;
    PSECURITY_DESCRIPTOR sd = NULL;
    NTSTATUS st;

    st = basic->WskControlSocket(Socket, WskGetOption, SO_WSK_SECURITY, SOL_SOCKET, 0, NULL,  // expect: WSK028 "SO_WSK_SECURITY get"
                                 sizeof(sd), &sd, NULL, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    if (NT_SUCCESS(st) && sd != NULL) {
        DbgPrint("socket SD control 0x%x\n", ((PISECURITY_DESCRIPTOR)sd)->Control);
    }
    return st;
}
