/* The service address is a constant defined in this file ... */
#include <ntddk.h>
#include <wsk.h>

SOCKADDR_IN6 g_ServiceAddress = { AF_INET6, 0x901F, 0, IN6ADDR_ANY_INIT, 0 };   /* port 8080, network byte order */
