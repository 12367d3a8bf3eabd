/*
 * ntifs.h - wsklint bundled declarations (hand-written from the public WDK
 * documentation; not Microsoft's header). Adds a few routines that drivers
 * commonly take from ntifs.h on top of ntddk.h. File-system specific
 * declarations are not provided.
 */
#ifndef _WSKLINT_NTIFS_H
#define _WSKLINT_NTIFS_H

#ifndef _NTIFS_
#define _NTIFS_
#endif

#include <ntddk.h>

#ifdef __cplusplus
extern "C" {
#endif

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI PsLookupProcessByProcessId(
    _In_ HANDLE ProcessId,
    _Outptr_ PEPROCESS *Process);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI PsLookupThreadByThreadId(
    _In_ HANDLE ThreadId,
    _Outptr_ PETHREAD *Thread);

NTKERNELAPI PEPROCESS NTAPI PsGetThreadProcess(
    _In_ PETHREAD Thread);

NTKERNELAPI BOOLEAN NTAPI PsIsThreadTerminating(
    _In_ PETHREAD Thread);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ObOpenObjectByPointer(
    _In_ PVOID Object,
    _In_ ULONG HandleAttributes,
    _In_opt_ PACCESS_STATE PassedAccessState,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_TYPE ObjectType,
    _In_ KPROCESSOR_MODE AccessMode,
    _Out_ PHANDLE Handle);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeStackAttachProcess(
    _Inout_ PRKPROCESS PROCESS,
    _Out_ PRKAPC_STATE ApcState);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeUnstackDetachProcess(
    _In_ PRKAPC_STATE ApcState);

/* Push locks (macros/inline in the WDK; functions here). */
_IRQL_requires_max_(APC_LEVEL)
VOID ExAcquirePushLockExclusive(
    _Inout_ PEX_PUSH_LOCK PushLock);

_IRQL_requires_max_(APC_LEVEL)
VOID ExAcquirePushLockShared(
    _Inout_ PEX_PUSH_LOCK PushLock);

_IRQL_requires_max_(APC_LEVEL)
VOID ExReleasePushLockExclusive(
    _Inout_ PEX_PUSH_LOCK PushLock);

_IRQL_requires_max_(APC_LEVEL)
VOID ExReleasePushLockShared(
    _Inout_ PEX_PUSH_LOCK PushLock);

_IRQL_requires_max_(APC_LEVEL)
VOID ExReleasePushLock(
    _Inout_ PEX_PUSH_LOCK PushLock);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwQueryDirectoryFile(
    _In_ HANDLE FileHandle,
    _In_opt_ HANDLE Event,
    _In_opt_ PIO_APC_ROUTINE ApcRoutine,
    _In_opt_ PVOID ApcContext,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _Out_writes_bytes_(Length) PVOID FileInformation,
    _In_ ULONG Length,
    _In_ FILE_INFORMATION_CLASS FileInformationClass,
    _In_ BOOLEAN ReturnSingleEntry,
    _In_opt_ PUNICODE_STRING FileName,
    _In_ BOOLEAN RestartScan);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwQueryVolumeInformationFile(
    _In_ HANDLE FileHandle,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _Out_writes_bytes_(Length) PVOID FsInformation,
    _In_ ULONG Length,
    _In_ FS_INFORMATION_CLASS FsInformationClass);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_NTIFS_H */
