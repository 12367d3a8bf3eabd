/* vadefs.h - wsklint bundled declarations (hand-written): forwards to stdarg.h. */
#ifndef _WSKLINT_VADEFS_H
#define _WSKLINT_VADEFS_H
#include <stdarg.h>
#endif
