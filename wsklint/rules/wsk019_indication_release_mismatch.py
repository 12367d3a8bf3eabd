from __future__ import annotations

from ..analysis import status
from ..analysis.calls import arg, is_const, wsk_name
from ..analysis.indications import UNKNOWN, Indications
from ..analysis.interproc import reaching
from ..analysis.paths import Facts, Walk
from ..knowledge.sync import WAKES
from ..knowledge.wsk import STATUS, status_name
from .base import Rule, role_step, short, step

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
    - (warning) a path that returns `STATUS_PENDING` (keeping the list) in a driver that never calls
      `WskRelease`, or that keeps the list in a struct field or global (`port->Held = DataIndication`,
      also in a helper the list is passed to) from which no `WskRelease` in the driver takes a list --
      directly (`WskRelease(s, Port->Held)`), through locals walking the list, through wrapper entries
      (`WskRelease(s, held->Indication)`), or through helper parameters;
    - (warning) a path that returns `STATUS_PENDING` after the callback found
      `Flags & WSK_FLAG_RELEASE_ASAP` set, without handing the list off on that path: no `WskRelease`,
      no wake-up of a consumer (`KeSetEvent`, `IoQueueWorkItem`, `KeInsertQueueDpc`, ...), directly or
      in a helper.
    Returned values are followed through local constants, macros and helpers returning a constant.

    Across functions, reports a `WskCloseSocket` followed, on a path of the same function, by a
    `WskRelease` on the same socket (directly or in a helper, such as a drain called after the close):
    the lists retained on it were not all released before the close.

    ## Why is this bad?
    Returning `STATUS_PENDING` transfers ownership of the indication list to the driver, which must
    give it back with `WskRelease`; any other return keeps it with WSK. Releasing a list WSK still owns
    corrupts WSK's pools; never releasing a retained list starves the receive path, and eventually the
    network adapter. `WskCloseSocket` does not release retained lists: they must all be given back
    before the close, after which the socket is being freed. `WSK_FLAG_RELEASE_ASAP` tells the callback
    that WSK is short of buffers: a list parked until some later poll holds them at the worst time.

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
    Where the analysis cannot name the storage (a store through a cast or a macro, a list passed to a
    function without a body), any `WskRelease` in the driver counts as its release. A drain in another
    function than the close is not ordered against it, nor are closes and releases in different
    threads; releasing one list twice across functions is not checked. A callback that never tests
    `WSK_FLAG_RELEASE_ASAP` is not judged on promptness.

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
        self.ind = Indications(program)
        self._handing_off: set | None = None    # functions that may hand off, built on first use
        releases_anywhere = any(wsk_name(ev.expr) == "WskRelease" for fn in program.functions.values()
                                for _, ev in fn.calls())
        for kind in _CALLBACKS:
            for fn, role in program.functions_with_role(kind):
                if len(fn.params) > 2 and fn.blocks:
                    yield from self._callback(program, fn, role, releases_anywhere)
        for fn in program.functions.values():
            if fn.blocks:
                yield from self._close_before_release(program, fn)

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

    def _handoff(self, program, fn, call) -> bool:
        """A call that gives the work to someone now: wakes a waiter, queues a work item or DPC, releases
        indications -- directly or in a helper."""
        if _hands_off(call):
            return True
        if self._handing_off is None:
            self._handing_off = reaching(program, lambda e, f: _hands_off(e.expr))
        callee = program.callee(call, fn)
        return callee is not None and callee.key in self._handing_off

    def _callback(self, program, fn, role, releases_anywhere):
        db = program.irpflow
        flow = db.flow(fn)
        ind = fn.params[2].name
        flags = fn.params[1].name
        walkers = {ind} | {n for n, v in fn.locals.items() if "INDICATION" in (v.type or "")}
        wrong, kept, hasty = {}, [], {}

        def stp(st, fx, ev, tr):
            released, _, asap, handed = st
            if ev.kind == "return":
                return (released, id(ev), asap, handed), fx, tr   # keep paths that return differently apart
            if ev.kind == "call":
                if released is None and self._releases(program, fn, flow, ev.expr, walkers):
                    released = ev
                if asap and not handed and self._handoff(program, fn, ev.expr):
                    handed = True
                return (released, None, asap, handed), fx, tr
            return st, fx, tr

        def edge(st, blk, succ, label):
            if not st[2] and blk.cond is not None and flags and _asap_branch(blk.cond, label, flags):
                return st[0], st[1], blk.cond.loc, st[3]
            return st

        def at_exit(st, fx, tr, ret):
            released, _, asap, handed = st
            if ret is None or ret.expr is None:
                return
            v = db.value_of(ret.expr, fx, fn)
            if v is None:
                return
            if v != _PENDING and released is not None:
                wrong.setdefault(id(released), (released, ret, v))
            elif v == _PENDING:
                kept.append(ret)
                if asap and not handed:
                    hasty.setdefault(id(ret), (ret, asap))

        Walk(fn, stp, at_exit, edge).run(fn.entry, 0, (None, None, None, False), Facts())
        for rel, ret, v in wrong.values():
            yield self.report(rel.loc, f"WskRelease releases an indication list that {fn.name} does not retain: "
                              f"the path returns {status_name(v)}, so the list still belongs to WSK", fn=fn,
                              trace=[role_step(role, fn), step(rel.loc, "WskRelease"),
                                     step(ret.loc, f"returns {status_name(v)}")],
                              anchor=f"{rel.expr.text} not retained")
        for ret, asap in hasty.values():
            yield self.report(ret.loc, f"{fn.name} retains the indication list (returns STATUS_PENDING) although "
                              "WSK set WSK_FLAG_RELEASE_ASAP, and hands it to no one who releases it promptly",
                              fn=fn, trace=[role_step(role, fn), step(asap, "WSK_FLAG_RELEASE_ASAP is set on this path"),
                                            step(ret.loc, "returns STATUS_PENDING")],
                              anchor=f"{fn.name} retained under RELEASE_ASAP", severity="warning")
        if not kept:
            return
        ret = kept[0]
        if not releases_anywhere:
            yield self.report(ret.loc, f"{fn.name} retains the indication list (returns STATUS_PENDING) but the "
                              "driver never calls WskRelease", fn=fn,
                              trace=[role_step(role, fn), step(ret.loc, "returns STATUS_PENDING")],
                              anchor=f"{fn.name} retained never released", severity="warning")
            return
        stores = self.ind.stores(fn, ind)
        if stores and UNKNOWN not in stores and not stores & self.ind.released():
            where = ", ".join(sorted(f"{s}.{f}" if s else f for s, f in stores))
            yield self.report(ret.loc, f"{fn.name} retains the indication list (returns STATUS_PENDING) and keeps it "
                              f"in {where}, but no WskRelease in the driver releases a list taken from there", fn=fn,
                              trace=[role_step(role, fn), step(ret.loc, "returns STATUS_PENDING")],
                              anchor=f"{fn.name} retained in {where} never released", severity="warning")

    # -- close, then release ---------------------------------------------------------------------------
    def _close_before_release(self, program, fn):
        """WskCloseSocket on a socket, then (on the same path) WskRelease of an indication list of that
        socket: the retained lists were not all given back before the close."""
        ops = self.ind.socket_ops
        flow = program.irpflow.flow(fn)
        if not (ops(fn, "WskCloseSocket") or _direct(fn, "WskCloseSocket")) or \
                not (ops(fn, "WskRelease") or _direct(fn, "WskRelease")):
            return
        found = {}

        def stp(closed, fx, ev, tr):
            if ev.kind in ("assign", "decl") and ev.target is not None:
                p = flow.key(ev.target)
                if p is not None and closed:   # the holder now refers to another socket
                    closed = frozenset(c for c in closed if c[0] != p and not c[0].startswith((p + "->", p + ".")))
                return closed, fx, tr
            if ev.kind != "call":
                return closed, fx, tr
            for sock in self.ind.socket_keys(fn, ev.expr, "WskRelease"):
                for c in closed:
                    if c[0] == sock:
                        found.setdefault(c[1], (c, ev))
            new = {(sock, ev.loc) for sock in self.ind.socket_keys(fn, ev.expr, "WskCloseSocket")}
            return (closed | new) if new else closed, fx, tr

        Walk(fn, stp).run(fn.entry, 0, frozenset(), Facts())
        for (sock, at), rel in found.values():
            how = "WskRelease" if wsk_name(rel.expr) == "WskRelease" else f"{rel.expr.name} (which calls WskRelease)"
            yield self.report(at, f"WskCloseSocket closes '{sock}' before the indication lists retained on it are "
                              f"released ({how} at {short(rel.loc)}); closing does "
                              "not release them", fn=fn,
                              trace=[step(at, f"'{sock}' is closed"), step(rel.loc, f"{how} on '{sock}' afterwards")],
                              anchor=f"{fn.name} close {sock} before release")


def _hands_off(call) -> bool:
    return call.name in WAKES or wsk_name(call) == "WskRelease"


def _direct(fn, api) -> bool:
    return any(wsk_name(ev.expr) == api for _, ev in fn.calls())


def _asap_branch(cond, label, flags) -> bool:
    """Whether taking `label` of `cond` means `Flags & WSK_FLAG_RELEASE_ASAP` is set."""
    def asap(mask):
        a, b = (k.strip() for k in mask.kids)
        if not (a.kind == "name" and a.name == flags):
            a, b = b, a
        return a.kind == "name" and a.name == flags and is_const(b, "WSK_FLAG_RELEASE_ASAP")

    return label in ("T", "F") and status.flag_test(cond, asap) == (label == "T")
