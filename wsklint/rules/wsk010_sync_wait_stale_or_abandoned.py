from __future__ import annotations

from ..analysis.interproc import call_steps
from ..program import function_ref
from .base import Rule, short, step
from .irp_common import handle_close_handlers, report_incidents


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
    - **Unbounded wait on the close path** (warning: a hang, not corruption). Reports a wait without a timeout for a WSK request --
      a `KeWaitForSingleObject` on the completion event, or a call to a helper that waits -- reachable
      (through calls and function pointers) from an `IRP_MJ_CLEANUP` or `IRP_MJ_CLOSE` dispatch routine
      or a KMDF `EvtFileCleanup` / `EvtFileClose` callback, with the call chain.

    ## Why is this bad?
    A stale signal lets the next wait return at once, while the request is still pending: the caller
    reads results that are not there yet and reuses or frees an IRP WSK still owns. After a timeout the
    IRP, the event and any stack buffers still belong to WSK: returning corrupts the stack or pool when
    the request finally completes. A non-alertable wait without a timeout on the close path makes the
    process that closes the handle unkillable when the request hangs (a pending connect, ovpn-dco-win
    issue #142).

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
    return value, for instance) are treated as untimed waits. Handle-close handlers are found by their
    registration with a constant index (`MajorFunction[IRP_MJ_CLEANUP] = X`; a loop filling the table
    is not followed) and by the KMDF file-object callbacks; waits for requests that were not submitted
    with an IRP the analysis follows are not judged.

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
        yield from self._unbounded(program)

    def _unbounded(self, program):
        """(c) Untimed waits for WSK requests on a path from a handle-close handler."""
        waits = program.irpflow.untimed_waits()
        if not waits:
            return
        seen = set()
        for handler, what, loc in handle_close_handlers(program):
            for chain, fn, ev in program.callgraph.chains(handler, lambda e, f: e.kind == "call" and id(e) in waits):
                if id(ev) in seen:
                    continue
                seen.add(id(ev))
                _, _, apis, helper = waits[id(ev)]
                apis = _bound_requests(program, chain, apis)
                wsk = apis.pop() if len(apis) == 1 else "WSK"
                how = f"{helper} waits" if helper else f"{fn.name} waits"
                trace = [step(loc, f"{handler.name} is {what}")] + \
                    call_steps(chain) + \
                    [step(ev.loc, f"{how} for the {wsk} request without a timeout")]
                yield self.report(ev.loc, f"{how} without a timeout for the {wsk} request, on a path from {what} "
                                  f"{handler.name}: if the request never completes, the closing process cannot exit",
                                  fn=fn, trace=trace, anchor=f"{handler.name} untimed wait {ev.expr.text}",
                                  severity="warning")


def _bound_requests(program, chain, apis) -> set:
    """Of the requests a shared wrapper waits for, those of the operation the last call of the chain
    hands it (a function or lambda argument: `SyncOp(..., [&](PIRP irp) { return WskCloseSocket(...); })`)."""
    if not chain:
        return set(apis)
    caller, call = chain[-1]
    found = set()
    for a in call.expr.args:
        s = a.strip()
        target = program.functions.get(s.name) if s.kind == "lambda" else None
        if target is None and function_ref(a):
            target = program.resolve(function_ref(a), caller.file)
        if target is not None and target.blocks:
            found |= {op.api for op in program.irpflow.submissions(target)}
    return (found & apis) or set(apis)
