/*
 * mswsockdef.h - wsklint bundled declarations (hand-written).
 * The real header holds Microsoft-specific Winsock extension definitions;
 * drivers only need ws2def.h from it.
 */
#ifndef _WSKLINT_MSWSOCKDEF_H
#define _WSKLINT_MSWSOCKDEF_H
#include <ws2def.h>
#endif
