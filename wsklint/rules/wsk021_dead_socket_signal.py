from __future__ import annotations

from ..analysis import status
from ..analysis.calls import arg, wsk_name
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from ..knowledge.wsk import EVENT_CALLBACKS, STATUS
from .base import Rule, role_step, step

# Callback parameters that WSK passes as NULL when the socket is no longer functional.
NULLABLE = {"WskReceiveEvent": "DataIndication", "WskReceiveFromEvent": "DataIndication",
            "WskAcceptEvent": "AcceptSocket", "WskInspectEvent": "InspectID"}
FORCED_CLOSED = STATUS["STATUS_FILE_FORCED_CLOSED"]
MAYBE, NONNULL, NULL = "maybe", "nonnull", "null"


class DeadSocketSignal(Rule):
    """A "socket no longer functional" signal is not handled.

    ## What it does
    - In `WskReceiveEvent` and `WskReceiveFromEvent` (`DataIndication`), `WskAcceptEvent`
      (`AcceptSocket`) and `WskInspectEvent` (`InspectID`), reports a dereference of the argument
      (directly, through a copy, or in a helper it is passed to) on a path where it was not checked
      against NULL.
    - Reports a loop that re-issues a WSK call on the same socket after it failed, when the driver
      never looks for `STATUS_FILE_FORCED_CLOSED` (warning).

    ## Why is this bad?
    WSK passes NULL for these arguments to say the socket (or the listening socket) is no longer
    functional; dereferencing it bugchecks. A request that fails with `STATUS_FILE_FORCED_CLOSED`
    will keep failing: the socket has to be closed, and until it is, `WskDeregister` cannot return.

    ## Example
    ```c
    NTSTATUS WSKAPI OnRecv(PVOID c, ULONG f, PWSK_DATA_INDICATION di, SIZE_T n, SIZE_T *acc)
    {
        PMDL m = di->Buffer.Mdl;                  /* di may be NULL */
    ```

    ## Use instead
    ```c
    if (di == NULL) { QueueClose(c); return STATUS_SUCCESS; }
    ```

    ## Known limitations
    Copies of the argument are followed within the callback, and helpers one parameter at a time.
    The retry check is intraprocedural (a loop in one function).

    ## References
    - [PFN_WSK_RECEIVE_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_event)
    - [PFN_WSK_ACCEPT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept_event)
    - [PFN_WSK_INSPECT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_inspect_event)
    - [PFN_WSK_SEND](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send)
    """

    code = "WSK021"
    name = "dead-socket-signal"
    category = "callbacks"
    severity = "error"
    precision = "high"
    help = ("Check DataIndication, AcceptSocket and InspectID for NULL before using them, and close a socket "
            "whose requests fail with STATUS_FILE_FORCED_CLOSED instead of retrying.")

    def check(self, program):
        helpers = _UncheckedDeref(program)
        for key, roles in program.roles.items():
            fn = program.functions[key]
            for role in roles:
                event = role.event
                if event not in NULLABLE or not fn.blocks:
                    continue
                i = EVENT_CALLBACKS[event].index(NULLABLE[event])
                if i >= len(fn.params):
                    continue
                param = fn.params[i].name
                for loc, via in _unchecked_derefs(fn, param, helpers):
                    how = f"passes {param} to {via}, which dereferences it" if via else f"dereferences {param}"
                    yield self.report(loc, f"{fn.name} ({event}) {how} without a NULL check; WSK passes NULL "
                                      f"when the socket is no longer functional", fn=fn,
                                      trace=[role_step(role, fn), step(loc, f"{param} may be NULL here")],
                                      anchor=f"{fn.name} {param} {via}")
                break
        if not _mentions_forced_closed(program):
            for fn in program.functions.values():
                yield from self._retries(fn)

    def _retries(self, fn):
        loop_blocks = set().union(*(lp.body for lp in fn.loops)) if fn.loops else set()
        if not loop_blocks:
            return
        for b in fn.blocks:
            if b.id not in loop_blocks:
                continue
            for i, ev in enumerate(b.events):
                if ev.kind == "call" and wsk_name(ev.expr) and arg(ev.expr, "Socket") is not None \
                        and _retried_after_failure(fn, b.id, i, ev):
                    name = wsk_name(ev.expr)
                    yield self.report(ev.loc, f"{fn.name} issues {name} again on the same socket after it fails, and "
                                      f"the driver never checks for STATUS_FILE_FORCED_CLOSED", fn=fn,
                                      severity="warning",
                                      trace=[step(ev.loc, f"{name} fails"),
                                             step(ev.loc, f"the loop issues {name} on the same socket again")],
                                      anchor=f"{fn.name} retries {ev.expr.text}")


def _aliases_after(ev, aliases):
    """Copies of the argument through `x = alias` (and `x = other` ending one)."""
    if ev.kind not in ("assign", "decl") or ev.target is None or ev.target.strip().kind != "name":
        return aliases
    name = ev.target.strip().name
    src = ev.expr.strip() if ev.expr is not None else None
    if src is not None and src.kind == "name" and src.name in aliases:
        return aliases | {name}
    return aliases - {name} if name in aliases else aliases


def _derefs(e, aliases):
    """Expressions in `e` that dereference one of `aliases`."""
    if e is None:
        return []
    out = []
    for n in e.walk():
        if n.kind == "member" and n.op == "->" or n.kind == "index" or (n.kind == "unop" and n.op == "*"):
            base = n.kids[0].strip() if n.kids else None
            if base is not None and base.kind == "name" and base.name in aliases:
                out.append(n)
    return out


def _guarded_derefs(e, state, aliases):
    """Dereferences in `e` that run while the argument may be NULL, short-circuit tests included
    (`!p || p->X`, `p && p->X`)."""
    if e is None:
        return []
    c = e.strip()
    if c.kind == "unop" and c.op == "!" and c.kids:
        return _guarded_derefs(c.kids[0], state, aliases)
    if c.kind == "binop" and c.op in ("&&", "||") and len(c.kids) == 2:
        a, b = c.kids
        after = _null_test(a, aliases, c.op == "&&") or state
        return _guarded_derefs(a, state, aliases) + _guarded_derefs(b, after, aliases)
    return _derefs(c, aliases) if state != NONNULL else []


def _null_test(cond, aliases, want: bool):
    """NULL / NONNULL when `cond` evaluating to `want` says so of the argument, else None."""
    c = cond.strip()
    if c.kind == "unop" and c.op == "!" and c.kids:
        return _null_test(c.kids[0], aliases, not want)
    if c.kind == "name" and c.name in aliases:
        return NONNULL if want else NULL
    if c.kind == "binop" and len(c.kids) == 2:
        a, b = c.kids
        if c.op in ("&&", "||"):
            if (c.op == "&&") == want:   # both sides hold
                return _null_test(a, aliases, want) or _null_test(b, aliases, want)
            return None
        if c.op in ("==", "!="):
            for x, y in ((a, b), (b, a)):
                if x.strip().kind == "name" and x.strip().name in aliases and y.strip().value == 0:
                    return NULL if (c.op == "==") == want else NONNULL
    return None


def _unchecked_derefs(fn, param, helpers):
    """[(loc, helper name or '')] where `param` (or a copy) is dereferenced while it may be NULL."""
    found = {}

    def stp(st, fx, ev, tr):
        state, aliases = st
        for e in (ev.expr, ev.target):
            for d in _guarded_derefs(e, state, aliases):
                found.setdefault((d.loc.line, d.loc.col), (d.loc, ""))
        if state != NONNULL:
            if ev.kind == "call":
                for j, a in enumerate(ev.expr.args):
                    a = a.strip()
                    if a.kind == "name" and a.name in aliases:
                        helper = helpers.program.callee(ev.expr, fn)
                        if helper is not None and helpers.derefs(helper, j):
                            found.setdefault((ev.loc.line, ev.loc.col), (ev.loc, helper.name))
        return (state, _aliases_after(ev, aliases)), fx, tr

    def edge(st, blk, succ, label):
        state, aliases = st
        for d in _guarded_derefs(blk.cond, state, aliases):
            found.setdefault((d.loc.line, d.loc.col), (d.loc, ""))
        if label in ("T", "F") and blk.cond is not None:
            got = _null_test(blk.cond, aliases, label == "T")
            if got is not None:
                return got, aliases
        return st

    Walk(fn, stp, None, edge).run(fn.entry, 0, (MAYBE, frozenset({param})), Facts())
    return [v for _, v in sorted(found.items())]


class _UncheckedDeref:
    """Whether a helper dereferences its parameter `i` on a path without a NULL check."""

    def __init__(self, program):
        self.program = program
        self.memo = {}

    def derefs(self, fn, i: int) -> bool:
        key = (fn.key, i)
        if key not in self.memo:
            self.memo[key] = False
            if i < len(fn.params) and fn.blocks:
                self.memo[key] = bool(_unchecked_derefs(fn, fn.params[i].name, self))
        return self.memo[key]


def _mentions_forced_closed(program) -> bool:
    for fn in program.functions.values():
        for b in fn.blocks:
            for e in [b.cond] + [ev.expr for ev in b.events]:
                if e is not None and any(status.const_status(n) == FORCED_CLOSED for n in e.walk()
                                         if n.value is not None or n.macro):
                    return True
    return False


def _retried_after_failure(fn, block, index, call_ev) -> bool:
    """Some path from a failed `call_ev` reaches `call_ev` again, on the same socket text, without
    closing it or leaving the function."""
    sock = arg(call_ev.expr, "Socket").text
    hit = []

    def stp(st, fx, ev, tr):
        if ev is call_ev:
            if st is not None and (fx.get(st) or status.ANY) <= {status.FAIL}:
                hit.append(True)
                return STOP
            fx, key = track_call_status(fx, ev, ev.expr)
            return key, fx, tr
        if ev.kind == "call" and wsk_name(ev.expr) == "WskCloseSocket":
            return STOP
        if ev.kind == "assign" and ev.target is not None and ev.target.text == sock:
            return STOP
        return st, fx, tr

    Walk(fn, stp).run(block, index, None, Facts())
    return bool(hit)
