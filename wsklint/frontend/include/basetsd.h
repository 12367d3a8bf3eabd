/*
 * basetsd.h - wsklint bundled declarations (hand-written).
 * Sized integer types for the 64-bit Windows (LLP64) data model.
 */
#ifndef _WSKLINT_BASETSD_H
#define _WSKLINT_BASETSD_H

typedef signed char        INT8, *PINT8;
typedef signed short       INT16, *PINT16;
typedef signed int         INT32, *PINT32;
typedef signed __int64     INT64, *PINT64;
typedef unsigned char      UINT8, *PUINT8;
typedef unsigned short     UINT16, *PUINT16;
typedef unsigned int       UINT32, *PUINT32;
typedef unsigned __int64   UINT64, *PUINT64;

typedef signed int         LONG32, *PLONG32;
typedef unsigned int       ULONG32, *PULONG32;
typedef unsigned int       DWORD32, *PDWORD32;

typedef __int64            INT_PTR, *PINT_PTR;
typedef unsigned __int64   UINT_PTR, *PUINT_PTR;
typedef __int64            LONG_PTR, *PLONG_PTR;
typedef unsigned __int64   ULONG_PTR, *PULONG_PTR;
typedef int                HALF_PTR, *PHALF_PTR;
typedef unsigned int       UHALF_PTR, *PUHALF_PTR;
typedef ULONG_PTR          DWORD_PTR, *PDWORD_PTR;

typedef ULONG_PTR          SIZE_T, *PSIZE_T;
typedef LONG_PTR           SSIZE_T, *PSSIZE_T;

typedef __int64            LONG64, *PLONG64;
typedef unsigned __int64   ULONG64, *PULONG64;
typedef unsigned __int64   DWORD64, *PDWORD64;

typedef ULONG_PTR          KAFFINITY;
typedef KAFFINITY         *PKAFFINITY;

#define MAXUINT_PTR   (~((UINT_PTR)0))
#define MAXINT_PTR    ((INT_PTR)(MAXUINT_PTR >> 1))
#define MININT_PTR    (~MAXINT_PTR)
#define MAXULONG_PTR  (~((ULONG_PTR)0))
#define MAXLONG_PTR   ((LONG_PTR)(MAXULONG_PTR >> 1))
#define MINLONG_PTR   (~MAXLONG_PTR)
#define MAXUHALF_PTR  ((UHALF_PTR)~0)
#define MAXHALF_PTR   ((HALF_PTR)(MAXUHALF_PTR >> 1))
#define MINHALF_PTR   (~MAXHALF_PTR)

#define MAXUINT8      ((UINT8)~((UINT8)0))
#define MAXINT8       ((INT8)(MAXUINT8 >> 1))
#define MININT8       ((INT8)~MAXINT8)
#define MAXUINT16     ((UINT16)~((UINT16)0))
#define MAXINT16      ((INT16)(MAXUINT16 >> 1))
#define MININT16      ((INT16)~MAXINT16)
#define MAXUINT32     ((UINT32)~((UINT32)0))
#define MAXINT32      ((INT32)(MAXUINT32 >> 1))
#define MININT32      ((INT32)~MAXINT32)
#define MAXUINT64     ((UINT64)~((UINT64)0))
#define MAXINT64      ((INT64)(MAXUINT64 >> 1))
#define MININT64      ((INT64)~MAXINT64)
#define MAXULONG32    ((ULONG32)~((ULONG32)0))
#define MAXLONG32     ((LONG32)(MAXULONG32 >> 1))
#define MINLONG32     ((LONG32)~MAXLONG32)
#define MAXULONG64    ((ULONG64)~((ULONG64)0))
#define MAXLONG64     ((LONG64)(MAXULONG64 >> 1))
#define MINLONG64     ((LONG64)~MAXLONG64)
#define MAXSIZE_T     ((SIZE_T)~((SIZE_T)0))
#define MAXSSIZE_T    ((SSIZE_T)(MAXSIZE_T >> 1))
#define MINSSIZE_T    ((SSIZE_T)~MAXSSIZE_T)

#define HandleToULong(h)   ((ULONG)(ULONG_PTR)(h))
#define HandleToLong(h)    ((LONG)(LONG_PTR)(h))
#define ULongToHandle(ul)  ((void *)(ULONG_PTR)(ul))
#define LongToHandle(h)    ((void *)(LONG_PTR)(h))
#define PtrToUlong(p)      ((ULONG)(ULONG_PTR)(p))
#define PtrToLong(p)       ((LONG)(LONG_PTR)(p))
#define PtrToUint(p)       ((UINT32)(UINT_PTR)(p))
#define PtrToInt(p)        ((INT32)(INT_PTR)(p))
#define PtrToUshort(p)     ((unsigned short)(ULONG_PTR)(p))
#define UlongToPtr(ul)     ((void *)(ULONG_PTR)(ul))
#define LongToPtr(l)       ((void *)(LONG_PTR)(l))
#define UintToPtr(ui)      ((void *)(UINT_PTR)(ui))
#define IntToPtr(i)        ((void *)(INT_PTR)(i))

#endif /* _WSKLINT_BASETSD_H */
