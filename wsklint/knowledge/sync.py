"""Kernel synchronisation routines that order socket use against socket close, as data."""
from __future__ import annotations

# Wait until every holder of a run-down reference or remove lock has released it.
DRAINS = frozenset({"ExWaitForRundownProtectionRelease", "ExWaitForRundownProtectionReleaseCacheAware",
                    "IoReleaseRemoveLockAndWait", "IoReleaseRemoveLockAndWaitEx"})

# Take a reference that a drain waits for.
PROTECTS = frozenset({"ExAcquireRundownProtection", "ExAcquireRundownProtectionEx",
                      "ExAcquireRundownProtectionCacheAware", "ExAcquireRundownProtectionCacheAwareEx",
                      "IoAcquireRemoveLock", "IoAcquireRemoveLockEx"})

# Reference-count releases: the close after the count drops to zero runs once, after every user.
REFCOUNT_RELEASES = frozenset({"InterlockedDecrement", "InterlockedDecrement64", "InterlockedDecrementSizeT",
                               "InterlockedDecrementNoFence", "InterlockedDecrementRelease",
                               "InterlockedDecrementAcquire", "ExReleaseRundownProtection"})

# Atomic take-and-clear of a pointer or flag: only one closer gets the socket.
ATOMIC_TAKES = frozenset({"InterlockedExchangePointer", "InterlockedCompareExchangePointer", "InterlockedExchange",
                          "InterlockedCompareExchange", "InterlockedExchange8", "InterlockedOr", "InterlockedAnd",
                          "InterlockedBitTestAndSet"})

# Wake another context to do work now (a consumer handed work this way runs promptly).
WAKES = frozenset({"KeSetEvent", "KePulseEvent", "KeReleaseSemaphore", "KeInsertQueue", "KeInsertHeadQueue",
                   "KeInsertQueueDpc", "IoQueueWorkItem", "IoQueueWorkItemEx", "ExQueueWorkItem",
                   "WdfWorkItemEnqueue", "WdfDpcEnqueue"})
