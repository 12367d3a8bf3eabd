/*
 * ntimage.h - wsklint bundled declarations (hand-written).
 * Intentionally empty: PE image structures are not needed for the analysis.
 * The header exists so that drivers including it still parse.
 */
#ifndef _WSKLINT_NTIMAGE_H
#define _WSKLINT_NTIMAGE_H
#include <ntdef.h>
#endif
