/*
 * wchar.h - wsklint bundled declarations (hand-written).
 * Wide-character string routines (also declared in string.h, as in the CRT).
 */
#ifndef _WSKLINT_WCHAR_H
#define _WSKLINT_WCHAR_H

#include <stddef.h>
#include <stdarg.h>
#include <string.h>

typedef unsigned short wint_t;
typedef unsigned short wctype_t;
#ifndef WEOF
#define WEOF ((wint_t)0xFFFF)
#endif
#ifndef WCHAR_MIN
#define WCHAR_MIN 0x0000
#define WCHAR_MAX 0xffff
#endif

#ifdef __cplusplus
extern "C" {
#endif

int _snwprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);
int _vsnwprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list argptr);
int swprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, ...);
unsigned long wcstoul(const wchar_t *str, wchar_t **endptr, int base);
long wcstol(const wchar_t *str, wchar_t **endptr, int base);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_WCHAR_H */
