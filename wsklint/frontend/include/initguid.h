/*
 * initguid.h - wsklint bundled declarations (hand-written).
 * Makes later DEFINE_GUID uses define (not just declare) their GUIDs.
 */
#ifndef INITGUID
#define INITGUID
#endif
#include <guiddef.h>
