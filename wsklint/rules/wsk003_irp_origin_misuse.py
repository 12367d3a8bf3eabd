from __future__ import annotations

import re

from ..analysis.calls import wsk_name
from ..analysis.paths import Facts, Walk
from ..graphs.irpflow import pending_returned_edge
from ..knowledge import irp as K
from ..knowledge.wsk import status_name
from .base import Rule, step
from .irp_common import report_incidents


class IrpOriginMisuse(Rule):
    """Respect where the IRP came from: stack locations, reuse, and IRPs owned by a higher driver.

    ## What it does
    - Reports `IoAllocateIrp(0, ...)` (or `IoInitializeIrp(..., 0)`) for an IRP that reaches a WSK call:
      WSK needs one I/O stack location. Stack sizes computed at run time (`DeviceObject->StackSize`) are
      not judged.
    - Reports a second submission of the same IRP (along a path, a loop, or a field such as `ctx->Irp`
      within a function and its helpers) without `IoReuseIrp` or `IoInitializeIrp` in between -- also
      in the completion routine set on it, which runs when the request has completed: a submission there
      of its `Irp` parameter, or of the IRP it reaches through its context (`IoSetCompletionRoutine(c->Irp,
      Done, c, ...)` makes `Context->Irp` in `Done` the same IRP), directly or in a helper.
    - Reports `IoReuseIrp` on an IRP built by `IoBuildSynchronousFsdRequest`,
      `IoBuildAsynchronousFsdRequest`, `IoBuildDeviceIoControlRequest` or `IoMakeAssociatedIrp`.
    - Reports `IoFreeIrp` on an IRP that a dispatch routine received from the I/O manager or a higher
      driver, directly, through helpers, or in a completion routine set on it.
    - For a completion routine set on such an IRP: a return other than
      `STATUS_MORE_PROCESSING_REQUIRED` on a path that neither found `Irp->PendingReturned` clear nor
      called `IoMarkIrpPending` (unless the dispatch routine marks the IRP pending itself); and a routine
      that always returns `STATUS_MORE_PROCESSING_REQUIRED` when neither it nor the dispatch routine
      calls `IoCompleteRequest` for the IRP (or hands it to anyone who could: stores it, passes it to a
      helper).

    ## Why is this bad?
    WSK sets up the next stack location itself; without one the IRP overruns its allocation. A completed
    IRP keeps its old stack state until `IoReuseIrp` reinitialises it, so resubmitting it corrupts the
    request. IRPs built by the I/O manager are threaded to a thread and must not be reused, and IRPs from
    a higher driver must be completed with `IoCompleteRequest`, never freed. A completion routine that
    lets completion continue must propagate the pending state (`if (Irp->PendingReturned)
    IoMarkIrpPending(Irp)`), or the I/O manager finishes a pended request as if it had completed inline
    (a requester waiting for it can hang); one that stops completion takes over the duty to complete the
    IRP, or the request never finishes.

    ## Example
    ```c
    irp = IoAllocateIrp(0, FALSE);                      /* no stack location for WSK */
    ...
    disp->WskReceive(s, &buf, 0, irp);                  /* second use, no IoReuseIrp */
    ```

    ## Use instead
    ```c
    irp = IoAllocateIrp(1, FALSE);
    ...
    IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(irp, Done, ctx, TRUE, TRUE, TRUE);
    disp->WskReceive(s, &buf, 0, irp);
    ```
    Stack IRPs (`IoInitializeIrp` on an `IRP` plus one `IO_STACK_LOCATION` on the stack) re-initialised
    for every call after a completed wait are fine.

    ## Known limitations
    Submissions in different functions on the same field are ordered only against the completion routine
    (other pairs, such as a work item re-submitting, are not). For a completion routine shared by
    upper-driver and driver-allocated IRPs that returns both `STATUS_MORE_PROCESSING_REQUIRED` and other
    values, the missing `IoCompleteRequest` is not judged.

    ## References
    - [Using IRPs with Winsock Kernel Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-irps-with-winsock-kernel-functions)
    - [IoReuseIrp](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-ioreuseirp)
    - [Implementing an IoCompletion Routine](https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/implementing-an-iocompletion-routine)
    - [IoMarkIrpPending](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-iomarkirppending)
    - wireguard-nt commit 66eb95e, IRPs on the stack
    """

    code = "WSK003"
    name = "irp-origin-misuse"
    category = "irp"
    severity = "error"
    precision = "high"
    help = ("Allocate IRPs with at least one stack location, call IoReuseIrp and set the completion routine again "
            "before each new WSK call, and complete (never free) IRPs that came from a higher driver.")

    def check(self, program):
        def describe(inc):
            k, wsk = inc.key, inc.data.get("wsk") or "WSK"
            if inc.kind == "no_stack":
                return f"IRP '{k}' has no I/O stack location for WSK ({wsk} needs one)", None
            if inc.kind == "resubmit_used":
                return (f"IRP '{k}' is submitted again after its {wsk} request completed, without IoReuseIrp "
                        "or IoInitializeIrp", None)
            if inc.kind == "reuse_built":
                return f"IoReuseIrp on IRP '{k}', which IoBuild*Request built for the I/O manager", None
            return f"IoFreeIrp frees IRP '{k}', which the I/O manager or a higher driver owns", None

        yield from report_incidents(self, program, ("no_stack", "resubmit_used", "reuse_built", "free_upper"),
                                    describe)
        yield from self._upper_irp_routines(program)

    # -- completion routines set on IRPs from the I/O manager or a higher driver ---------------------------
    def _upper_irp_routines(self, program):
        db = program.irpflow
        seen = set()
        for fn in program.functions.values():
            if not fn.blocks or "dispatch" not in program.role_kinds(fn.key):
                continue
            flow = db.flow(fn)
            for arm in flow.all_ops("arm"):
                if not arm.routine or db.initial_state(fn, arm.key, flow).origin != "upper":
                    continue
                r = db.routine(arm.routine)
                if r is None or not r.irp_param:
                    continue
                armed = [step(fn.params[fn.param_index(arm.key)].loc, f"{fn.name} receives IRP '{arm.key}' from the "
                              "I/O manager or a higher driver"),
                         step(arm.loc, f"{arm.api} sets completion routine {r.fn.name} on it")]
                marked = any(ev.expr.name == K.MARK_PENDING and ev.expr.args and flow.key(ev.expr.args[0]) == arm.key
                             for _, ev in fn.calls())
                if not marked and ("pending", r.fn.key) not in seen:
                    seen.add(("pending", r.fn.key))
                    yield from self._pending_not_propagated(program, fn, r, armed)
                if ("complete", r.fn.key, fn.key) not in seen:
                    seen.add(("complete", r.fn.key, fn.key))
                    yield from self._never_completed(program, fn, arm, r, armed)

    def _pending_not_propagated(self, program, fn, r, armed):
        """A return other than STATUS_MORE_PROCESSING_REQUIRED on a path that neither found
        `Irp->PendingReturned` clear nor called IoMarkIrpPending."""
        db = program.irpflow
        rflow = db.flow(r.fn)
        bad = []

        def stp(ok, fx, ev, tr):
            if not ok and ev.kind == "call" and ev.expr.name == K.MARK_PENDING and ev.expr.args and \
                    rflow.key(ev.expr.args[0]) == r.irp_param:
                return True, fx, tr
            return ok, fx, tr

        def edge(ok, blk, succ, label):
            return ok or (blk.cond is not None and pending_returned_edge(blk.cond, label) is False)

        def at_exit(ok, fx, tr, ret):
            if not ok and ret is not None and ret.expr is not None:
                v = db.value_of(ret.expr, fx, r.fn)
                if v is not None and v != K.STATUS_MORE_PROCESSING_REQUIRED:
                    bad.append((ret, v))

        Walk(r.fn, stp, at_exit, edge).run(r.fn.entry, 0, False, Facts())
        for ret, v in bad[:1]:
            text = ret.expr.text.strip()
            name = text if re.fullmatch(r"[A-Z][A-Z0-9_]+", text) else status_name(v)
            yield self.report(ret.loc, f"Completion routine {r.fn.name} returns {name} for the IRP that "
                              f"{fn.name} received from the I/O manager without calling IoMarkIrpPending when "
                              "Irp->PendingReturned is set", fn=r.fn,
                              trace=armed + [step(ret.loc, f"returns {name}: completion continues upward")],
                              anchor=f"{r.fn.name} upper irp pending not propagated")

    def _never_completed(self, program, fn, arm, r, armed):
        """The routine always stops completion (STATUS_MORE_PROCESSING_REQUIRED), and neither it nor the
        dispatch routine completes the IRP or hands it to anyone who could."""
        db = program.irpflow
        if not r.returns or any(v != K.STATUS_MORE_PROCESSING_REQUIRED for _, v in r.returns):
            return
        if _escapes(r.fn, db.flow(r.fn), r.irp_param) or _escapes(fn, db.flow(fn), arm.key) or \
                any(a.final.phase == "freed" for a in db.walk(fn, arm.key).alts):
            return
        ret = r.returns[0][0]
        yield self.report(ret.loc, f"Completion routine {r.fn.name} returns STATUS_MORE_PROCESSING_REQUIRED for the "
                          f"IRP that {fn.name} received from the I/O manager, and neither it nor {fn.name} calls "
                          "IoCompleteRequest for that IRP afterwards", fn=r.fn,
                          trace=armed + [step(ret.loc, "returns STATUS_MORE_PROCESSING_REQUIRED: the I/O manager stops "
                                              "completing the IRP")],
                          anchor=f"{r.fn.name} upper irp never completed {fn.name}")


def _escapes(fn, flow, key) -> bool:
    """Whether `fn` completes the IRP `key`, or hands it on (stores it, passes it to a function other than a
    WSK call or a stack-location accessor), so that someone else may complete it."""
    for _, ev in fn.events():
        if ev.kind in ("assign", "decl") and ev.expr is not None and flow.key(ev.expr) == key:
            return True
        if ev.kind == "call" and not wsk_name(ev.expr) and ev.expr.name not in K.IRP_ACCESSORS and \
                any(flow.key(a) == key for a in ev.expr.args):
            return True
    return False
