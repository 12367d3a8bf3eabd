from __future__ import annotations

from ..analysis.calls import wsk_name
from ..knowledge.irql import DISPATCH, level_name
from .base import Rule, step


class AtDispatchFlagMisuse(Rule):
    """A clear `WSK_FLAG_AT_DISPATCH_LEVEL` is taken to mean PASSIVE_LEVEL, or an `...AtDpcLevel` lock
    routine is used where IRQL may be below DISPATCH_LEVEL.

    ## What it does
    - Reports calls that are not allowed at DISPATCH_LEVEL (waits, `Zw*`, PASSIVE-only WSK calls,
      paged allocations, ...) made on the branch where a callback's `Flags & WSK_FLAG_AT_DISPATCH_LEVEL`
      tests clear.
    - Reports `KeAcquireSpinLockAtDpcLevel`, `KeReleaseSpinLockFromDpcLevel` and the other `...AtDpcLevel`
      / `...FromDpcLevel` variants where IRQL is not known to be DISPATCH_LEVEL: in a WSK callback or
      completion routine that did not test the flag (or the IRQL), in PASSIVE_LEVEL code, or in
      helpers called from there.

    ## Why is this bad?
    WSK sets `WSK_FLAG_AT_DISPATCH_LEVEL` when it calls the callback at DISPATCH_LEVEL. A clear flag
    does not mean PASSIVE_LEVEL: the callback may still run at any IRQL up to DISPATCH_LEVEL, so
    blocking or PASSIVE-only work on that branch still bugchecks. The `AtDpcLevel` lock variants do
    not raise IRQL; taking a spin lock that way below DISPATCH_LEVEL leaves the holder preemptible on
    its processor, which deadlocks.

    ## Example
    ```c
    if (!(Flags & WSK_FLAG_AT_DISPATCH_LEVEL)) {
        ZwWriteFile(g_Log, ...);                 /* may run at DISPATCH_LEVEL anyway */
    }
    KeAcquireSpinLockAtDpcLevel(&g_Lock);        /* the flag was not checked */
    ```

    ## Use instead
    ```c
    if (Flags & WSK_FLAG_AT_DISPATCH_LEVEL) KeAcquireSpinLockAtDpcLevel(&g_Lock);
    else                                    KeAcquireSpinLock(&g_Lock, &old);
    /* defer PASSIVE_LEVEL work to a work item whatever the flag says */
    ```

    ## Known limitations
    The flag is recognised in `Flags & WSK_FLAG_AT_DISPATCH_LEVEL` tests, in locals that hold such a
    test, and in parameters that every caller passes one. The clear branch is tracked in the function
    that tests the flag; a PASSIVE-only call in a helper called from there is reported by WSK005. Code
    whose IRQL nothing in the driver determines (no role, no caller) is not judged.

    ## References
    - [PFN_WSK_RECEIVE_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_event)
    - [PFN_WSK_ACCEPT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept_event)
    - [KeAcquireSpinLockAtDpcLevel](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-keacquirespinlockatdpclevel)
    """

    code = "WSK007"
    name = "at-dispatch-flag-misuse"
    category = "irql"
    severity = "error"
    precision = "high"
    help = ("Treat a clear WSK_FLAG_AT_DISPATCH_LEVEL as 'any IRQL up to DISPATCH_LEVEL'; use the AtDpcLevel "
            "lock variants only when the flag is set or IRQL was checked, KeAcquireSpinLock otherwise.")

    def check(self, program):
        facts = program.irql
        for fn in facts.reached():
            for _, ev, st in facts.states(fn):
                if ev.kind != "call":
                    continue
                call = ev.expr
                need = facts.min_required(call, fn)
                if need is not None and st.lo < need[0]:
                    path = facts.path(fn, st, bound="lo")
                    trace = facts.trace(fn, st, ev.loc, f"{fn.name} calls {call.name}", bound="lo")
                    yield self.report(ev.loc, f"{need[1]} requires {level_name(need[0])}, but IRQL can be lower "
                                      f"here: {path}", fn=fn, trace=trace, anchor=f"{call.text} in {fn.name}")
                    continue
                if st.flag_clear is None or (wsk_name(call) or call.name) == "WskDeregister":
                    continue
                limit = facts.limit(call, fn)
                if limit is None or limit.level >= DISPATCH:
                    continue
                callee = wsk_name(call) or call.name or call.text
                trace = facts.trace(fn, st) + [
                    step(st.flag_clear, "WSK_FLAG_AT_DISPATCH_LEVEL tests clear: IRQL can still be DISPATCH_LEVEL"),
                    step(ev.loc, f"{fn.name} calls {callee} ({limit.text})")]
                yield self.report(ev.loc, f"{callee} ({limit.text}) is called where WSK_FLAG_AT_DISPATCH_LEVEL is "
                                  f"clear; a clear flag does not mean PASSIVE_LEVEL: {facts.path(fn, st)}",
                                  fn=fn, trace=trace, anchor=f"{call.text} flag clear in {fn.name}")
