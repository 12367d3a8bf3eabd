/* specstrings.h - wsklint bundled declarations (hand-written): forwards to sal.h. */
#ifndef _WSKLINT_SPECSTRINGS_H
#define _WSKLINT_SPECSTRINGS_H
#include <sal.h>
#include <driverspecs.h>
#endif
