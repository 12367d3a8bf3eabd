/* A read-side "epoch" lock, written as annotated inline functions in a project header. */
#pragma once
#include <ntddk.h>

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
static __inline KIRQL EpochEnter(VOID)
{
    return KeRaiseIrqlToDpcLevel();
}

_IRQL_requires_(DISPATCH_LEVEL)
static __inline VOID EpochLeave(_In_ _IRQL_restores_ KIRQL Irql)
{
    KeLowerIrql(Irql);
}

_IRQL_requires_min_(DISPATCH_LEVEL)
static __inline VOID EpochEnterAtDpcLevel(VOID)
{
}
