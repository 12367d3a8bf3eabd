/*
 * ntintsafe.h - wsklint bundled declarations (hand-written from the public
 * WDK documentation; not Microsoft's header). Overflow-checked integer
 * arithmetic and conversions; every routine returns STATUS_SUCCESS or
 * STATUS_INTEGER_OVERFLOW. The real header defines them inline.
 */
#ifndef _WSKLINT_NTINTSAFE_H
#define _WSKLINT_NTINTSAFE_H

#include <ntdef.h>
#include <ntstatus.h>

#ifdef __cplusplus
extern "C" {
#endif

_Must_inspect_result_
NTSTATUS RtlUShortAdd(
    _In_ USHORT Augend,
    _In_ USHORT Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlUShortSub(
    _In_ USHORT Minuend,
    _In_ USHORT Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlUShortMult(
    _In_ USHORT Multiplicand,
    _In_ USHORT Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlULongAdd(
    _In_ ULONG Augend,
    _In_ ULONG Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongSub(
    _In_ ULONG Minuend,
    _In_ ULONG Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongMult(
    _In_ ULONG Multiplicand,
    _In_ ULONG Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongAdd(
    _In_ ULONGLONG Augend,
    _In_ ULONGLONG Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) ULONGLONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongSub(
    _In_ ULONGLONG Minuend,
    _In_ ULONGLONG Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) ULONGLONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongMult(
    _In_ ULONGLONG Multiplicand,
    _In_ ULONGLONG Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) ULONGLONG *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTAdd(
    _In_ SIZE_T Augend,
    _In_ SIZE_T Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) SIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTSub(
    _In_ SIZE_T Minuend,
    _In_ SIZE_T Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) SIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTMult(
    _In_ SIZE_T Multiplicand,
    _In_ SIZE_T Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) SIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlULongPtrAdd(
    _In_ ULONG_PTR Augend,
    _In_ ULONG_PTR Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) ULONG_PTR *pResult);

_Must_inspect_result_
NTSTATUS RtlULongPtrSub(
    _In_ ULONG_PTR Minuend,
    _In_ ULONG_PTR Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) ULONG_PTR *pResult);

_Must_inspect_result_
NTSTATUS RtlULongPtrMult(
    _In_ ULONG_PTR Multiplicand,
    _In_ ULONG_PTR Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) ULONG_PTR *pResult);

_Must_inspect_result_
NTSTATUS RtlUIntAdd(
    _In_ UINT32 Augend,
    _In_ UINT32 Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) UINT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlUIntSub(
    _In_ UINT32 Minuend,
    _In_ UINT32 Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) UINT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlUIntMult(
    _In_ UINT32 Multiplicand,
    _In_ UINT32 Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) UINT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlLongAdd(
    _In_ LONG Augend,
    _In_ LONG Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongSub(
    _In_ LONG Minuend,
    _In_ LONG Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongMult(
    _In_ LONG Multiplicand,
    _In_ LONG Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongLongAdd(
    _In_ LONGLONG Augend,
    _In_ LONGLONG Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) LONGLONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongLongSub(
    _In_ LONGLONG Minuend,
    _In_ LONGLONG Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) LONGLONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongLongMult(
    _In_ LONGLONG Multiplicand,
    _In_ LONGLONG Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) LONGLONG *pResult);

_Must_inspect_result_
NTSTATUS RtlIntAdd(
    _In_ INT32 Augend,
    _In_ INT32 Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) INT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlIntSub(
    _In_ INT32 Minuend,
    _In_ INT32 Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) INT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlIntMult(
    _In_ INT32 Multiplicand,
    _In_ INT32 Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) INT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlSSIZETAdd(
    _In_ SSIZE_T Augend,
    _In_ SSIZE_T Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) SSIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlSSIZETSub(
    _In_ SSIZE_T Minuend,
    _In_ SSIZE_T Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) SSIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlSSIZETMult(
    _In_ SSIZE_T Multiplicand,
    _In_ SSIZE_T Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) SSIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlUInt8Add(
    _In_ UINT8 Augend,
    _In_ UINT8 Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) UINT8 *pResult);

_Must_inspect_result_
NTSTATUS RtlUInt8Sub(
    _In_ UINT8 Minuend,
    _In_ UINT8 Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) UINT8 *pResult);

_Must_inspect_result_
NTSTATUS RtlUInt8Mult(
    _In_ UINT8 Multiplicand,
    _In_ UINT8 Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) UINT8 *pResult);

_Must_inspect_result_
NTSTATUS RtlDWordAdd(
    _In_ ULONG Augend,
    _In_ ULONG Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlDWordSub(
    _In_ ULONG Minuend,
    _In_ ULONG Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlDWordMult(
    _In_ ULONG Multiplicand,
    _In_ ULONG Multiplier,
    _Out_ _Deref_out_range_(==, Multiplicand * Multiplier) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongToULong(
    _In_ ULONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongToUShort(
    _In_ ULONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongToSizeT(
    _In_ ULONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) SIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongToUInt(
    _In_ ULONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) UINT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlULongLongToLong(
    _In_ ULONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongToUShort(
    _In_ ULONG Operand,
    _Out_ _Deref_out_range_(==, Operand) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlULongToUChar(
    _In_ ULONG Operand,
    _Out_ _Deref_out_range_(==, Operand) UCHAR *pResult);

_Must_inspect_result_
NTSTATUS RtlULongToLong(
    _In_ ULONG Operand,
    _Out_ _Deref_out_range_(==, Operand) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlULongToInt(
    _In_ ULONG Operand,
    _Out_ _Deref_out_range_(==, Operand) INT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTToULong(
    _In_ SIZE_T Operand,
    _Out_ _Deref_out_range_(==, Operand) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTToUShort(
    _In_ SIZE_T Operand,
    _Out_ _Deref_out_range_(==, Operand) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTToUInt(
    _In_ SIZE_T Operand,
    _Out_ _Deref_out_range_(==, Operand) UINT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTToLong(
    _In_ SIZE_T Operand,
    _Out_ _Deref_out_range_(==, Operand) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlSizeTToInt(
    _In_ SIZE_T Operand,
    _Out_ _Deref_out_range_(==, Operand) INT32 *pResult);

_Must_inspect_result_
NTSTATUS RtlLongToULong(
    _In_ LONG Operand,
    _Out_ _Deref_out_range_(==, Operand) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongToUShort(
    _In_ LONG Operand,
    _Out_ _Deref_out_range_(==, Operand) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlLongToSizeT(
    _In_ LONG Operand,
    _Out_ _Deref_out_range_(==, Operand) SIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlIntToULong(
    _In_ INT32 Operand,
    _Out_ _Deref_out_range_(==, Operand) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlIntToSizeT(
    _In_ INT32 Operand,
    _Out_ _Deref_out_range_(==, Operand) SIZE_T *pResult);

_Must_inspect_result_
NTSTATUS RtlIntToUShort(
    _In_ INT32 Operand,
    _Out_ _Deref_out_range_(==, Operand) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlUIntToUShort(
    _In_ UINT32 Operand,
    _Out_ _Deref_out_range_(==, Operand) USHORT *pResult);

_Must_inspect_result_
NTSTATUS RtlULongPtrToULong(
    _In_ ULONG_PTR Operand,
    _Out_ _Deref_out_range_(==, Operand) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongLongToULong(
    _In_ LONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) ULONG *pResult);

_Must_inspect_result_
NTSTATUS RtlLongLongToLong(
    _In_ LONGLONG Operand,
    _Out_ _Deref_out_range_(==, Operand) LONG *pResult);

_Must_inspect_result_
NTSTATUS RtlUShortToUChar(
    _In_ USHORT Operand,
    _Out_ _Deref_out_range_(==, Operand) UCHAR *pResult);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_NTINTSAFE_H */
