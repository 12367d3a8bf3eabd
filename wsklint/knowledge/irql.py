"""IRQL facts about kernel and WSK routines, as data.

Levels are PASSIVE (0) < APC (1) < DISPATCH (2); anything above DISPATCH_LEVEL (DIRQL, HIGH_LEVEL) is
folded into DISPATCH, the highest level this analysis distinguishes. Sources: the `req.irql` field or
the Remarks of each routine's WDK reference page (the IRQL table at the end of the rule catalog).
"""
from __future__ import annotations

from dataclasses import dataclass

PASSIVE, APC, DISPATCH = 0, 1, 2
NAMES = ("PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL")

LEVELS = {"PASSIVE_LEVEL": PASSIVE, "APC_LEVEL": APC, "DISPATCH_LEVEL": DISPATCH, "DPC_LEVEL": DISPATCH,
          "HIGH_LEVEL": DISPATCH, "SYNCH_LEVEL": DISPATCH, "CLOCK_LEVEL": DISPATCH, "IPI_LEVEL": DISPATCH,
          "POWER_LEVEL": DISPATCH, "PROFILE_LEVEL": DISPATCH, "DIRQL": DISPATCH}


def level_of(text: str) -> int | None:
    """`DISPATCH_LEVEL` -> 2, `0` -> 0; unknown spellings -> None."""
    t = text.strip()
    if t in LEVELS:
        return LEVELS[t]
    try:
        return min(int(t, 0), DISPATCH)
    except ValueError:
        return None


def level_name(level: int) -> str:
    return NAMES[level]


# Highest IRQL at which a routine may be called, when it does not depend on the arguments.
MAX_IRQL: dict[str, int] = {
    # WSK exports and PASSIVE-only client-level calls
    "WskRegister": PASSIVE, "WskDeregister": PASSIVE,
    "WskGetAddressInfo": PASSIVE, "WskFreeAddressInfo": PASSIVE, "WskGetNameInfo": PASSIVE,
    # threads, objects, devices
    "PsCreateSystemThread": PASSIVE, "PsTerminateSystemThread": PASSIVE, "IoCreateSystemThread": PASSIVE,
    "ObReferenceObjectByHandle": PASSIVE, "ObReferenceObjectByHandleWithTag": PASSIVE,
    "IoGetDeviceObjectPointer": PASSIVE, "IoCreateDevice": PASSIVE, "IoDeleteDevice": PASSIVE,
    "IoCreateSymbolicLink": PASSIVE, "IoDeleteSymbolicLink": PASSIVE, "IoAttachDeviceToDeviceStack": PASSIVE,
    "IoDetachDevice": PASSIVE, "IoRegisterDeviceInterface": PASSIVE, "IoSetDeviceInterfaceState": PASSIVE,
    "IoBuildDeviceIoControlRequest": PASSIVE, "IoBuildSynchronousFsdRequest": PASSIVE,
    "IoCreateFile": PASSIVE, "IoWMIRegistrationControl": PASSIVE, "MmGetSystemRoutineAddress": PASSIVE,
    "KeFlushQueuedDpcs": PASSIVE, "KeRegisterProcessorChangeCallback": PASSIVE,
    "KeDeregisterProcessorChangeCallback": PASSIVE,
    # string conversions that allocate from paged pool
    "RtlAnsiStringToUnicodeString": PASSIVE, "RtlUnicodeStringToAnsiString": PASSIVE,
    "RtlFreeUnicodeString": PASSIVE, "RtlFreeAnsiString": PASSIVE,
    # waits and APC-level locks
    "KeDelayExecutionThread": APC,
    "ExAcquireFastMutex": APC, "ExAcquireFastMutexUnsafe": APC, "ExTryToAcquireFastMutex": APC,
    "ExAcquireResourceExclusiveLite": APC, "ExAcquireResourceSharedLite": APC,
    "ExAcquireSharedStarveExclusive": APC, "ExAcquireSharedWaitForExclusive": APC,
    "ExAcquirePushLockExclusive": APC, "ExAcquirePushLockShared": APC,
    "ExWaitForRundownProtectionRelease": APC, "ExWaitForRundownProtectionReleaseCacheAware": APC,
    "KeEnterCriticalRegion": APC, "KeLeaveCriticalRegion": APC,
    "ExAllocatePoolWithQuotaTag": APC, "KeSetSystemGroupAffinityThread": APC,
}

# Prefixes of routine families with one limit (the `Zw*` system services run at PASSIVE_LEVEL).
MAX_IRQL_PREFIX: tuple[tuple[str, int], ...] = (("Zw", PASSIVE),)


@dataclass(frozen=True)
class ArgRule:
    """A limit that depends on one argument. `kind` says how the argument is read:

    timeout      a PLARGE_INTEGER wait timeout: a pointer to zero allows DISPATCH, NULL or another value APC
    pool_type    a POOL_TYPE: paged types need APC, others allow DISPATCH
    pool_flags   POOL_FLAGS: POOL_FLAG_PAGED needs APC
    wait_true    KeSetEvent's Wait: TRUE needs APC
    wsk_wait     WskCaptureProviderNPI's WaitTimeout: anything but WSK_NO_WAIT needs PASSIVE
    codes        a control code: the listed codes need PASSIVE, the rest allow DISPATCH
    """
    kind: str
    arg: int
    codes: frozenset = frozenset()


ARG_RULES: dict[str, ArgRule] = {
    "KeWaitForSingleObject": ArgRule("timeout", 4),
    "KeWaitForMutexObject": ArgRule("timeout", 4),
    "KeWaitForMultipleObjects": ArgRule("timeout", 6),
    "ExAllocatePool": ArgRule("pool_type", 0),
    "ExAllocatePoolWithTag": ArgRule("pool_type", 0),
    "ExAllocatePoolWithTagPriority": ArgRule("pool_type", 0),
    "ExAllocatePoolZero": ArgRule("pool_type", 0),
    "ExAllocatePoolUninitialized": ArgRule("pool_type", 0),
    "ExAllocatePool2": ArgRule("pool_flags", 0),
    "ExAllocatePool3": ArgRule("pool_flags", 0),
    "KeSetEvent": ArgRule("wait_true", 2),
    "WskCaptureProviderNPI": ArgRule("wsk_wait", 1),
    # SIO_ADDRESS_LIST_QUERY, SIO_ADDRESS_LIST_CHANGE, SIO_ADDRESS_LIST_SORT
    "WskControlSocket": ArgRule("codes", 2, frozenset({0x48000016, 0x28000017, 0xC8000019})),
}

# Routines that change the IRQL. `raise`: the new level (None: the level is the argument `arg`);
# `restore` ends the innermost raised region (the saved IRQL comes back). The `...AtDpcLevel` lock
# variants are neither: they leave IRQL unchanged and must be entered at DISPATCH_LEVEL (MIN_IRQL).
RAISES: dict[str, int | None] = {
    "KeAcquireSpinLock": DISPATCH, "KeAcquireSpinLockRaiseToDpc": DISPATCH, "KfAcquireSpinLock": DISPATCH,
    "KeAcquireSpinLockForDpc": DISPATCH, "KeAcquireInStackQueuedSpinLock": DISPATCH,
    "KeAcquireInStackQueuedSpinLockForDpc": DISPATCH, "KeAcquireInterruptSpinLock": DISPATCH,
    "ExAcquireSpinLockExclusive": DISPATCH, "ExAcquireSpinLockShared": DISPATCH,
    "KeRaiseIrqlToDpcLevel": DISPATCH, "KeRaiseIrqlToSynchLevel": DISPATCH,
    "KeRaiseIrql": None, "KfRaiseIrql": None,
    "ExAcquireFastMutex": APC,
    "NdisAcquireSpinLock": DISPATCH, "NdisAcquireRWLockRead": DISPATCH, "NdisAcquireRWLockWrite": DISPATCH,
    "WdfSpinLockAcquire": DISPATCH,
}
RAISE_ARG: dict[str, int] = {"KeRaiseIrql": 0, "KfRaiseIrql": 0}
RESTORES = frozenset({
    "KeReleaseSpinLock", "KfReleaseSpinLock", "KeReleaseSpinLockForDpc", "KeReleaseInStackQueuedSpinLock",
    "KeReleaseInStackQueuedSpinLockForDpc", "KeReleaseInterruptSpinLock", "ExReleaseSpinLockExclusive",
    "ExReleaseSpinLockShared", "KeLowerIrql", "KfLowerIrql", "ExReleaseFastMutex", "NdisReleaseSpinLock",
    "NdisReleaseRWLock", "WdfSpinLockRelease",
})

# Lowest IRQL at which a routine may be called (the `...AtDpcLevel` lock variants).
MIN_IRQL: dict[str, int] = {
    "KeAcquireSpinLockAtDpcLevel": DISPATCH, "KeReleaseSpinLockFromDpcLevel": DISPATCH,
    "KeTryToAcquireSpinLockAtDpcLevel": DISPATCH,
    "KeAcquireInStackQueuedSpinLockAtDpcLevel": DISPATCH, "KeReleaseInStackQueuedSpinLockFromDpcLevel": DISPATCH,
    "ExAcquireSpinLockExclusiveAtDpcLevel": DISPATCH, "ExReleaseSpinLockExclusiveFromDpcLevel": DISPATCH,
    "ExAcquireSpinLockSharedAtDpcLevel": DISPATCH, "ExReleaseSpinLockSharedFromDpcLevel": DISPATCH,
    "NdisDprAcquireSpinLock": DISPATCH, "NdisDprReleaseSpinLock": DISPATCH,
}

# The routine that reads the current IRQL (tests on it narrow the IRQL of a branch).
CURRENT_IRQL = frozenset({"KeGetCurrentIrql", "KfGetCurrentIrql"})

# The WSK callback flag that says the callback runs at DISPATCH_LEVEL (clear says nothing).
AT_DISPATCH_FLAG = "WSK_FLAG_AT_DISPATCH_LEVEL"
AT_DISPATCH_FLAG_VALUE = 0x8

# SAL annotations on the driver's own functions: name -> meaning.
SAL_MAX = ("_IRQL_requires_max_", "__drv_maxIRQL", "_IRQL_always_function_max_", "__drv_maxFunctionIRQL")
SAL_MIN = ("_IRQL_requires_min_", "__drv_minIRQL", "_IRQL_always_function_min_", "__drv_minFunctionIRQL")
SAL_EXACT = ("_IRQL_requires_", "__drv_requiresIRQL")
SAL_RAISES = ("_IRQL_raises_", "__drv_raisesIRQL", "__drv_setsIRQL")
SAL_RESTORES = ("_IRQL_restores_", "__drv_restoresIRQL", "_IRQL_restores_global_", "__drv_restoresIRQLGlobal")

# Pool types (POOL_TYPE values) whose memory is pageable: PagedPool, PagedPoolCacheAligned and the
# session variants.
PAGED_POOL_TYPES = frozenset({1, 5, 33, 37})
PAGED_POOL_NAMES = frozenset({"PagedPool", "PagedPoolCacheAligned", "PagedPoolSession",
                              "PagedPoolCacheAlignedSession"})
POOL_FLAG_PAGED = 0x100


def api_max(name: str) -> int | None:
    """The fixed limit of `name`, or None when it has none here (argument rules are separate)."""
    if name in MAX_IRQL:
        return MAX_IRQL[name]
    for prefix, level in MAX_IRQL_PREFIX:
        if name.startswith(prefix) and len(name) > len(prefix) and name[len(prefix)].isupper():
            return level
    return None


def is_paged_section(section: str) -> bool:
    return section.upper().startswith("PAGE")
