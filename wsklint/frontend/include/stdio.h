/*
 * stdio.h - wsklint bundled declarations (hand-written).
 * Kernel code only uses the string-formatting routines; no FILE I/O here.
 */
#ifndef _WSKLINT_STDIO_H
#define _WSKLINT_STDIO_H

#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

int sprintf(char *buffer, const char *format, ...);
int snprintf(char *buffer, size_t count, const char *format, ...);
int _snprintf(char *buffer, size_t count, const char *format, ...);
int sprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, ...);
int _snprintf_s(char *buffer, size_t sizeOfBuffer, size_t count, const char *format, ...);
int vsprintf(char *buffer, const char *format, va_list argptr);
int vsnprintf(char *buffer, size_t count, const char *format, va_list argptr);
int _vsnprintf(char *buffer, size_t count, const char *format, va_list argptr);
int vsprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, va_list argptr);
int _snwprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);
int _vsnwprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list argptr);
int swprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, ...);
int _snwprintf_s(wchar_t *buffer, size_t sizeOfBuffer, size_t count, const wchar_t *format, ...);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_STDIO_H */
