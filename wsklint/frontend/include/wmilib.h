/*
 * wmilib.h - wsklint bundled declarations (hand-written).
 * Minimal: WmiSystemControl and its context; callback pointers are left
 * untyped (PVOID).
 */
#ifndef _WSKLINT_WMILIB_H
#define _WSKLINT_WMILIB_H

#include <wdm.h>
#include <wmistr.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    IrpProcessed,
    IrpNotCompleted,
    IrpNotWmi,
    IrpForward
} SYSCTL_IRP_DISPOSITION, *PSYSCTL_IRP_DISPOSITION;

typedef struct {
    LPCGUID Guid;
    ULONG InstanceCount;
    ULONG Flags;
} WMIGUIDREGINFO, *PWMIGUIDREGINFO;

typedef struct _WMILIB_CONTEXT {
    ULONG GuidCount;
    PWMIGUIDREGINFO GuidList;
    PVOID QueryWmiRegInfo;
    PVOID QueryWmiDataBlock;
    PVOID SetWmiDataBlock;
    PVOID SetWmiDataItem;
    PVOID ExecuteWmiMethod;
    PVOID WmiFunctionControl;
} WMILIB_CONTEXT, *PWMILIB_CONTEXT;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS WmiSystemControl(
    _In_ PWMILIB_CONTEXT WmiLibInfo,
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ PIRP Irp,
    _Out_ PSYSCTL_IRP_DISPOSITION IrpDisposition);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS WmiCompleteRequest(
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ PIRP Irp,
    _In_ NTSTATUS Status,
    _In_ ULONG BufferUsed,
    _In_ CCHAR PriorityBoost);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_WMILIB_H */
