from __future__ import annotations

from .base import Rule
from .irp_common import report_incidents, short


class SyncWaitStaleOrAbandoned(Rule):
    """Synchronous wrappers: reset the completion event between requests, never abandon a pending IRP.

    ## What it does
    - **Stale event.** For an IRP whose completion routine signals an event, a request that completes
      inline leaves the event signalled when nobody waits for it (the wait is guarded by
      `st == STATUS_PENDING`), and a `NotificationEvent` stays signalled even after a wait. Reports a wait
      for a later request on the same event when no `KeClearEvent`, `KeResetEvent` or
      `KeInitializeEvent` happened in between on some path (directly or in a helper).
    - **Abandoned after a timeout.** Reports a `KeWaitForSingleObject` with a timeout (the address of a
      `LARGE_INTEGER`) on the completion event when the path on which it timed out leaves the function,
      frees, reuses or reads the IRP without `IoCancelIrp` followed by a wait that proves completion.

    ## Why is this bad?
    A stale signal lets the next wait return at once, while the request is still pending: the caller
    reads results that are not there yet and reuses or frees an IRP WSK still owns. After a timeout the
    IRP, the event and any stack buffers still belong to WSK: returning corrupts the stack or pool when
    the request finally completes.

    ## Example
    ```c
    KeInitializeEvent(&ev, SynchronizationEvent, FALSE);
    st = disp->WskBind(s, sa, 0, irp);                        /* completes inline: ev stays set */
    if (st == STATUS_PENDING) KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, NULL);
    IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(irp, SignalEvent, &ev, TRUE, TRUE, TRUE);
    st = disp->WskGetLocalAddress(s, sa, irp);                /* pends */
    if (st == STATUS_PENDING) KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, NULL);  /* stale */
    ```

    ## Use instead
    ```c
    KeClearEvent(&ev);
    IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(irp, SignalEvent, &ev, TRUE, TRUE, TRUE);
    st = disp->WskReceive(s, &buf, 0, irp);
    if (st == STATUS_PENDING) {
        if (KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, &to) == STATUS_TIMEOUT) {
            IoCancelIrp(irp);
            KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, NULL);
        }
        st = irp->IoStatus.Status;
    }
    ```
    Completion routines that signal only when `Irp->PendingReturned` is set cannot leave a stale signal.

    ## Known limitations
    The event type is known only from `KeInitializeEvent` in the driver; an event of unknown type is
    assumed to be a `SynchronizationEvent`. Timeouts that are not the address of a variable (a helper's
    return value, for instance) are treated as untimed waits. Unbounded waits reachable from cleanup
    handlers (part (c) of the catalog entry) are not reported.

    ## References
    - wireguard-nt commit f932ef0, "reset event object before reuse"
    - ovpn-dco-win PR #147 and issue #142
    - libwsk commit d7147c0 (timeout, then IoCancelIrp, then wait)
    - [Different ways of handling IRPs: cheat sheet](https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/different-ways-of-handling-irps-cheat-sheet), scenario 7
    """

    code = "WSK010"
    name = "sync-wait-stale-or-abandoned"
    category = "irp"
    severity = "error"
    precision = "high"
    help = ("Call KeClearEvent (or KeResetEvent/KeInitializeEvent) before each request that signals a reused event; "
            "after a wait times out, call IoCancelIrp and wait again without a timeout.")

    def check(self, program):
        def describe(inc):
            wsk = inc.data.get("wsk") or "WSK"
            if inc.kind == "stale_wait":
                return (f"This wait for the {wsk} request can return at once: the completion event may still be "
                        f"signalled from the request at {short(inc.data.get('earlier'))} and was not reset", None)
            return (f"When this wait times out, {inc.fn.name} gives up on IRP '{inc.key}' while the {wsk} request "
                    "is still pending, without IoCancelIrp and a wait for completion", None)

        yield from report_incidents(self, program, ("stale_wait", "timeout_abandon"), describe)
