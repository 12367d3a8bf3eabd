/* The client dispatch table gives version 1 (0.1) and a non-zero reserved field. */
#include <ntddk.h>
#include <wsk.h>

const WSK_CLIENT_DISPATCH g_Client = {
    1, // expect: WSK038 "version 0.1"
    2, // expect: WSK038 "Reserved is 2"
    NULL };

WSK_REGISTRATION g_Registration;

NTSTATUS StartWsk(VOID)
{
    WSK_CLIENT_NPI npi;
    npi.ClientContext = NULL;
    npi.Dispatch = &g_Client;
    return WskRegister(&npi, &g_Registration);
}
