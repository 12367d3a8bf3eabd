/*
 * ntstrsafe.h - wsklint bundled declarations (hand-written from the public
 * WDK documentation; not Microsoft's header). Safe string routines.
 * The real header defines these as inline functions; prototypes suffice
 * for analysis.
 */
#ifndef _WSKLINT_NTSTRSAFE_H
#define _WSKLINT_NTSTRSAFE_H

#include <ntdef.h>
#include <ntstatus.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef _Null_terminated_ char *NTSTRSAFE_PSTR;
typedef _Null_terminated_ const char *NTSTRSAFE_PCSTR;
typedef _Null_terminated_ wchar_t *NTSTRSAFE_PWSTR;
typedef _Null_terminated_ const wchar_t *NTSTRSAFE_PCWSTR;
typedef const wchar_t *NTSTRSAFE_PCUWSTR;

#define NTSTRSAFEDDI NTSTATUS NTAPI

#define NTSTRSAFE_MAX_CCH     2147483647
#define NTSTRSAFE_MAX_LENGTH  (NTSTRSAFE_MAX_CCH - 1)
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH (0xffff / sizeof(wchar_t))

#define STRSAFE_IGNORE_NULLS     0x00000100
#define STRSAFE_FILL_BEHIND_NULL 0x00000200
#define STRSAFE_FILL_ON_FAILURE  0x00000400
#define STRSAFE_NULL_ON_FAILURE  0x00000800
#define STRSAFE_NO_TRUNCATION    0x00001000
#define STRSAFE_FILL_BYTE(x)     ((ULONG)(((x) & 0x000000FF) | STRSAFE_FILL_BEHIND_NULL))
#define STRSAFE_FAILURE_BYTE(x)  ((ULONG)(((x) & 0x000000FF) | STRSAFE_FILL_ON_FAILURE))

NTSTRSAFEDDI RtlStringCbCopyA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCopyExA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCopyNA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_reads_or_z_(cbToCopy) NTSTRSAFE_PCSTR pszSrc,
    _In_ size_t cbToCopy);
NTSTRSAFEDDI RtlStringCbCatA(
    _Inout_updates_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCatExA(
    _Inout_updates_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCatNA(
    _Inout_updates_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_reads_or_z_(cbToAppend) NTSTRSAFE_PCSTR pszSrc,
    _In_ size_t cbToAppend);
NTSTRSAFEDDI RtlStringCbPrintfA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbPrintfExA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbVPrintfA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCbVPrintfExA(
    _Out_writes_(cbDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCbLengthA(
    _In_reads_or_z_(cbMax) NTSTRSAFE_PCSTR psz,
    _In_ size_t cbMax,
    _Out_opt_ size_t *pcbLength);
NTSTRSAFEDDI RtlStringCchCopyA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCopyExA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyNA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_reads_or_z_(cchToCopy) NTSTRSAFE_PCSTR pszSrc,
    _In_ size_t cchToCopy);
NTSTRSAFEDDI RtlStringCchCatA(
    _Inout_updates_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCatExA(
    _Inout_updates_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCatNA(
    _Inout_updates_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_reads_or_z_(cchToAppend) NTSTRSAFE_PCSTR pszSrc,
    _In_ size_t cchToAppend);
NTSTRSAFEDDI RtlStringCchPrintfA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchPrintfExA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchVPrintfA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchVPrintfExA(
    _Out_writes_(cchDest) NTSTRSAFE_PSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchLengthA(
    _In_reads_or_z_(cchMax) NTSTRSAFE_PCSTR psz,
    _In_ size_t cchMax,
    _Out_opt_ size_t *pcchLength);
NTSTRSAFEDDI RtlStringCbCopyW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCopyExW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCopyNW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_reads_or_z_(cbToCopy) NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToCopy);
NTSTRSAFEDDI RtlStringCbCatW(
    _Inout_updates_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCbCatExW(
    _Inout_updates_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCbCatNW(
    _Inout_updates_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_reads_or_z_(cbToAppend) NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToAppend);
NTSTRSAFEDDI RtlStringCbPrintfW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbPrintfExW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCbVPrintfW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCbVPrintfExW(
    _Out_writes_(cbDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cbDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcbRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCbLengthW(
    _In_reads_or_z_(cbMax) NTSTRSAFE_PCWSTR psz,
    _In_ size_t cbMax,
    _Out_opt_ size_t *pcbLength);
NTSTRSAFEDDI RtlStringCchCopyW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCopyExW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCopyNW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_reads_or_z_(cchToCopy) NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToCopy);
NTSTRSAFEDDI RtlStringCchCatW(
    _Inout_updates_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTRSAFEDDI RtlStringCchCatExW(
    _Inout_updates_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ NTSTRSAFE_PCWSTR pszSrc,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags);
NTSTRSAFEDDI RtlStringCchCatNW(
    _Inout_updates_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_reads_or_z_(cchToAppend) NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToAppend);
NTSTRSAFEDDI RtlStringCchPrintfW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchPrintfExW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);
NTSTRSAFEDDI RtlStringCchVPrintfW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchVPrintfExW(
    _Out_writes_(cchDest) NTSTRSAFE_PWSTR pszDest,
    _In_ size_t cchDest,
    _Outptr_opt_result_maybenull_ NTSTRSAFE_PWSTR *ppszDestEnd,
    _Out_opt_ size_t *pcchRemaining,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);
NTSTRSAFEDDI RtlStringCchLengthW(
    _In_reads_or_z_(cchMax) NTSTRSAFE_PCWSTR psz,
    _In_ size_t cchMax,
    _Out_opt_ size_t *pcchLength);

NTSTRSAFEDDI RtlUnicodeStringInit(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc);

NTSTRSAFEDDI RtlUnicodeStringInitEx(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ ULONG dwFlags);

NTSTRSAFEDDI RtlUnicodeStringValidate(
    _In_opt_ PCUNICODE_STRING SourceString);

NTSTRSAFEDDI RtlUnicodeStringCopy(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString);

NTSTRSAFEDDI RtlUnicodeStringCopyEx(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);

NTSTRSAFEDDI RtlUnicodeStringCopyString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc);

NTSTRSAFEDDI RtlUnicodeStringCopyStringN(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_reads_or_z_(cchToCopy) NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToCopy);

NTSTRSAFEDDI RtlUnicodeStringCat(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString);

NTSTRSAFEDDI RtlUnicodeStringCatEx(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags);

NTSTRSAFEDDI RtlUnicodeStringCatString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ NTSTRSAFE_PCWSTR pszSrc);

NTSTRSAFEDDI RtlUnicodeStringCatStringN(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_reads_or_z_(cchToAppend) NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToAppend);

NTSTRSAFEDDI RtlUnicodeStringPrintf(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);

NTSTRSAFEDDI RtlUnicodeStringPrintfEx(
    _Inout_ PUNICODE_STRING DestinationString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    ...);

NTSTRSAFEDDI RtlUnicodeStringVPrintf(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);

NTSTRSAFEDDI RtlUnicodeStringVPrintfEx(
    _Inout_ PUNICODE_STRING DestinationString,
    _Out_opt_ PUNICODE_STRING RemainingString,
    _In_ ULONG dwFlags,
    _In_ _Printf_format_string_ NTSTRSAFE_PCWSTR pszFormat,
    _In_ va_list argList);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_NTSTRSAFE_H */
