/*
 * string.h - wsklint bundled declarations (hand-written).
 * Only the memory and string routines that kernel-mode code calls.
 */
#ifndef _WSKLINT_STRING_H
#define _WSKLINT_STRING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int errno_t;

void *memcpy(void *dest, const void *src, size_t count);
void *memmove(void *dest, const void *src, size_t count);
void *memset(void *dest, int c, size_t count);
int memcmp(const void *buf1, const void *buf2, size_t count);
void *memchr(const void *buf, int c, size_t count);
errno_t memcpy_s(void *dest, size_t destSize, const void *src, size_t count);
errno_t memmove_s(void *dest, size_t destSize, const void *src, size_t count);

size_t strlen(const char *str);
size_t strnlen(const char *str, size_t maxCount);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t count);
int _stricmp(const char *s1, const char *s2);
int _strnicmp(const char *s1, const char *s2, size_t count);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t count);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t count);
char *strchr(const char *str, int c);
char *strrchr(const char *str, int c);
char *strstr(const char *str, const char *substr);
errno_t strcpy_s(char *dest, size_t destSize, const char *src);
errno_t strncpy_s(char *dest, size_t destSize, const char *src, size_t count);
errno_t strcat_s(char *dest, size_t destSize, const char *src);

size_t wcslen(const wchar_t *str);
size_t wcsnlen(const wchar_t *str, size_t maxCount);
int wcscmp(const wchar_t *s1, const wchar_t *s2);
int wcsncmp(const wchar_t *s1, const wchar_t *s2, size_t count);
int _wcsicmp(const wchar_t *s1, const wchar_t *s2);
int _wcsnicmp(const wchar_t *s1, const wchar_t *s2, size_t count);
wchar_t *wcscpy(wchar_t *dest, const wchar_t *src);
wchar_t *wcsncpy(wchar_t *dest, const wchar_t *src, size_t count);
wchar_t *wcscat(wchar_t *dest, const wchar_t *src);
wchar_t *wcsncat(wchar_t *dest, const wchar_t *src, size_t count);
wchar_t *wcschr(const wchar_t *str, wchar_t c);
wchar_t *wcsrchr(const wchar_t *str, wchar_t c);
wchar_t *wcsstr(const wchar_t *str, const wchar_t *substr);
errno_t wcscpy_s(wchar_t *dest, size_t destSize, const wchar_t *src);
errno_t wcsncpy_s(wchar_t *dest, size_t destSize, const wchar_t *src, size_t count);
errno_t wcscat_s(wchar_t *dest, size_t destSize, const wchar_t *src);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_STRING_H */
