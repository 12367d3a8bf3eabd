/* windef.h - wsklint bundled declarations (hand-written): forwards to minwindef.h. */
#ifndef _WSKLINT_WINDEF_H
#define _WSKLINT_WINDEF_H
#include <minwindef.h>
#endif
