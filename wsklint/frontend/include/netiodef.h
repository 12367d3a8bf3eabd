/* netiodef.h - wsklint bundled declarations (hand-written): forwards to netioddk.h. */
#ifndef _WSKLINT_NETIODEF_H
#define _WSKLINT_NETIODEF_H
#include <netioddk.h>
#endif
