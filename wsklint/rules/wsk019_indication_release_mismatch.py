from __future__ import annotations

from ..analysis.calls import arg, wsk_name
from ..analysis.paths import Facts, Walk
from ..knowledge.wsk import STATUS, status_name
from .base import Rule, role_step, step

_PENDING = STATUS["STATUS_PENDING"]
_CALLBACKS = ("event:WskReceiveEvent", "event:WskReceiveFromEvent")


def _releases_param(program, fn, index) -> bool:
    """Whether a helper passes its parameter `index` to WskRelease."""
    if index >= len(fn.params) or not fn.params[index].name:
        return False
    flow = program.irpflow.flow(fn)
    name = fn.params[index].name
    return any(wsk_name(ev.expr) == "WskRelease" and flow.key(arg(ev.expr, "Indication")) == name
               for _, ev in fn.calls())


class IndicationReleaseMismatch(Rule):
    """Release a data indication with `WskRelease` only when the callback retained it, and release it.

    ## What it does
    In every `WskReceiveEvent` and `WskReceiveFromEvent` callback, follows each path to its `return`
    and reports:
    - a `WskRelease` of the indication list (the parameter, or a local walking the list) on a path
      that returns a status other than `STATUS_PENDING` (the list was not retained, so it is not the
      driver's to release);
    - a path that returns `STATUS_PENDING` (keeping the list) in a driver that never calls
      `WskRelease` anywhere.
    Returned values are followed through local constants, macros and helpers returning a constant.

    ## Why is this bad?
    Returning `STATUS_PENDING` transfers ownership of the indication list to the driver, which must
    give it back with `WskRelease`; any other return keeps it with WSK. Releasing a list WSK still owns
    corrupts WSK's pools; never releasing a retained list starves the receive path, and eventually the
    network adapter.

    ## Example
    ```c
    NTSTATUS OnRecvFrom(PVOID c, ULONG f, PWSK_DATAGRAM_INDICATION di)
    {
        CopyAll(c, di);
        Disp(c)->WskRelease(Sock(c), di);          /* not retained: must not release */
        return STATUS_SUCCESS;
    }
    ```

    ## Use instead
    Copy and return `STATUS_SUCCESS` (no release), or queue the list, return `STATUS_PENDING`, and call
    `WskRelease` from the consumer before the socket is closed. Releasing some indications and keeping
    the rest is fine when the callback returns `STATUS_PENDING`.

    ## Known limitations
    A `WskRelease` in a function other than the callback is matched to retained lists only by
    existence; release after `WskCloseSocket`, releasing a list twice across functions, and the
    `WSK_FLAG_RELEASE_ASAP` hint are not checked.

    ## References
    - [PFN_WSK_RELEASE_DATA_INDICATION_LIST](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_release_data_indication_list)
    - [PFN_WSK_RELEASE_DATAGRAM_INDICATION_LIST](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_release_datagram_indication_list)
    - [PFN_WSK_RECEIVE_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_event)
    - [Using Winsock Kernel Functions vs. Event Callback Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-winsock-kernel-functions-vs--event-callback-functions)
    - msquic PR #5091 (always copy)
    """

    code = "WSK019"
    name = "indication-release-mismatch"
    category = "callbacks"
    severity = "error"
    precision = "high"
    help = ("Call WskRelease only for indications the callback retained by returning STATUS_PENDING, and release "
            "every retained list (before closing the socket).")

    def check(self, program):
        releases_anywhere = any(wsk_name(ev.expr) == "WskRelease" for fn in program.functions.values()
                                for _, ev in fn.calls())
        for kind in _CALLBACKS:
            for fn, role in program.functions_with_role(kind):
                if len(fn.params) > 2 and fn.blocks:
                    yield from self._callback(program, fn, role, releases_anywhere)

    @staticmethod
    def _releases(program, fn, flow, call, walkers) -> bool:
        """WskRelease of the list (or a local walking it), directly or through a helper."""
        def ours(e):
            k = flow.key(e)
            return bool(k) and k.lstrip("&*").split("->")[0] in walkers

        if wsk_name(call) == "WskRelease":
            return ours(arg(call, "Indication"))
        callee = program.callee(call, fn)
        return callee is not None and any(ours(a) and _releases_param(program, callee, i)
                                          for i, a in enumerate(call.args))

    def _callback(self, program, fn, role, releases_anywhere):
        db = program.irpflow
        flow = db.flow(fn)
        ind = fn.params[2].name
        walkers = {ind} | {n for n, v in fn.locals.items() if "INDICATION" in (v.type or "")}
        wrong, kept = {}, []

        def stp(st, fx, ev, tr):
            released, _ = st
            if ev.kind == "return":
                return (released, id(ev)), fx, tr   # keep paths that return differently apart
            if ev.kind == "call" and released is None and self._releases(program, fn, flow, ev.expr, walkers):
                return (ev, None), fx, tr
            return st, fx, tr

        def at_exit(st, fx, tr, ret):
            st = st[0]
            if ret is None or ret.expr is None:
                return
            v = db.value_of(ret.expr, fx, fn)
            if v is None:
                return
            if v != _PENDING and st is not None:
                wrong.setdefault(id(st), (st, ret, v))
            elif v == _PENDING:
                kept.append(ret)

        Walk(fn, stp, at_exit).run(fn.entry, 0, (None, None), Facts())
        for rel, ret, v in wrong.values():
            yield self.report(rel.loc, f"WskRelease releases an indication list that {fn.name} does not retain: "
                              f"the path returns {status_name(v)}, so the list still belongs to WSK", fn=fn,
                              trace=[role_step(role, fn), step(rel.loc, "WskRelease"),
                                     step(ret.loc, f"returns {status_name(v)}")],
                              anchor=f"{rel.expr.text} not retained")
        if kept and not releases_anywhere:
            ret = kept[0]
            yield self.report(ret.loc, f"{fn.name} retains the indication list (returns STATUS_PENDING) but the "
                              "driver never calls WskRelease", fn=fn,
                              trace=[role_step(role, fn), step(ret.loc, "returns STATUS_PENDING")],
                              anchor=f"{fn.name} retained never released", severity="warning")
