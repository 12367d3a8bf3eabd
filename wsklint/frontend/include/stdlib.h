/*
 * stdlib.h - wsklint bundled declarations (hand-written).
 * The handful of CRT routines that kernel-mode code may call.
 */
#ifndef _WSKLINT_STDLIB_H
#define _WSKLINT_STDLIB_H

#include <stddef.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

int abs(int x);
long labs(long x);
long long llabs(long long x);
__int64 _abs64(__int64 x);
int atoi(const char *str);
long atol(const char *str);
long strtol(const char *str, char **endptr, int base);
unsigned long strtoul(const char *str, char **endptr, int base);
unsigned long long strtoull(const char *str, char **endptr, int base);
errno_t _itoa_s(int value, char *buffer, size_t size, int radix);
errno_t _ultoa_s(unsigned long value, char *buffer, size_t size, int radix);
void qsort(void *base, size_t num, size_t width,
           int (__cdecl *compare)(const void *, const void *));
int rand(void);
void srand(unsigned int seed);

#ifdef __cplusplus
}
#endif

#ifndef _countof
#define _countof(array) (sizeof(array) / sizeof((array)[0]))
#endif
#ifndef __min
#define __min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef __max
#define __max(a, b) (((a) > (b)) ? (a) : (b))
#endif

#endif /* _WSKLINT_STDLIB_H */
