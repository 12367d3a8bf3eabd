/* The registration block lives in a stack frame that is gone when WskRegister's caller returns. */
#include <ntddk.h>
#include <wsk.h>

static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

NTSTATUS StartNetworking(VOID)
{
    WSK_REGISTRATION registration;
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };

    return WskRegister(&npi, &registration); // expect: WSK014 "lives on the stack"
}
