/*
 * stdarg.h - wsklint bundled declarations (hand-written).
 * Maps the standard variable-argument macros onto clang's builtins.
 */
#ifndef _WSKLINT_STDARG_H
#define _WSKLINT_STDARG_H

typedef __builtin_va_list va_list;
#ifndef _VA_LIST_DEFINED
#define _VA_LIST_DEFINED
#endif

#define va_start(ap, param) __builtin_va_start(ap, param)
#define va_end(ap)          __builtin_va_end(ap)
#define va_arg(ap, type)    __builtin_va_arg(ap, type)
#define va_copy(dst, src)   __builtin_va_copy(dst, src)
#define __va_copy(dst, src) __builtin_va_copy(dst, src)

#endif /* _WSKLINT_STDARG_H */
