/* The option value lives on the stack, and the function returns while the request may pend. */
#include <ntddk.h>
#include <wsk.h>

NTSTATUS SetExclusive(PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_BASIC_DISPATCH *dispatch = Socket->Dispatch;
    ULONG on = 1;

    return dispatch->WskControlSocket(Socket, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET,  // expect: WSK004 "'&on' is on the stack of SetExclusive"
                                      sizeof(on), &on, 0, NULL, NULL, Irp);
}
