/* ctype.h - wsklint bundled declarations (hand-written). */
#ifndef _WSKLINT_CTYPE_H
#define _WSKLINT_CTYPE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int isalpha(int c);
int isdigit(int c);
int isxdigit(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int iscntrl(int c);
int toupper(int c);
int tolower(int c);
int iswalpha(unsigned short c);
int iswdigit(unsigned short c);
int iswxdigit(unsigned short c);
int iswspace(unsigned short c);
unsigned short towupper(unsigned short c);
unsigned short towlower(unsigned short c);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_CTYPE_H */
