from __future__ import annotations

from ..analysis.calls import arg, wsk_name
from ..analysis.paths import Facts, Walk
from ..knowledge.wsk import (EVENT_CALLBACKS, EVENT_RETURNS, INSPECT_ACTIONS, SO_WSK_EVENT_CALLBACK, STATUS,
                              WSK_SET_STATIC_EVENT_CALLBACKS, status_name, u32)
from .base import Rule, role_step, step

NOT_ACCEPTED = STATUS["STATUS_DATA_NOT_ACCEPTED"]
REQUEST_NOT_ACCEPTED = STATUS["STATUS_REQUEST_NOT_ACCEPTED"]


class CallbackReturnValue(Rule):
    """A WSK event callback returns a value its contract does not allow, or misses what that value obliges.

    ## What it does
    Evaluates the values each event callback returns on every path (constants, locals set to
    constants, and helpers that return only constants) and reports values outside the documented set:
    `STATUS_SUCCESS` only for `WskDisconnectEvent`, `WskSendBacklogEvent` and `WskAbortEvent`;
    `STATUS_SUCCESS`, `STATUS_PENDING` or `STATUS_DATA_NOT_ACCEPTED` for `WskReceiveEvent` and
    `WskReceiveFromEvent`; `STATUS_SUCCESS` or `STATUS_REQUEST_NOT_ACCEPTED` for `WskAcceptEvent`;
    `WskInspectAccept`, `WskInspectReject` or `WskInspectPend` for `WskInspectEvent`. It also checks
    what some values oblige the driver to do:
    - `STATUS_DATA_NOT_ACCEPTED` from `WskReceiveEvent` needs a later `WskReceive` to resume indications;
    - `STATUS_DATA_NOT_ACCEPTED` from `WskReceiveFromEvent` disables the callback until it is re-enabled
      with `SO_WSK_EVENT_CALLBACK` (unless the callbacks are static);
    - `WskInspectPend` needs a later `WskInspectComplete`;
    - after `STATUS_REQUEST_NOT_ACCEPTED` WSK closes the accepted socket, so the callback must not
      have used it on that path.

    ## Why is this bad?
    WSK's behaviour for other values is undocumented; ovpn-dco-win changed its error returns to
    `STATUS_SUCCESS` for this reason. A missed follow-up stalls the socket: no more data is indicated.

    ## Example
    ```c
    if (Length > MAX_FRAME) return STATUS_INVALID_BUFFER_SIZE;     /* in WskReceiveEvent */
    ```

    ## Use instead
    ```c
    if (Length > MAX_FRAME) { ResetConnection(Ctx); return STATUS_SUCCESS; }
    ```

    ## Known limitations
    Values computed at run time (a WSK call's status passed through) are not judged. The follow-up
    checks look for the resuming call anywhere in the driver, not on the same socket.

    ## References
    - [PFN_WSK_RECEIVE_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_event)
    - [PFN_WSK_RECEIVE_FROM_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_from_event)
    - [PFN_WSK_DISCONNECT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_disconnect_event)
    - [PFN_WSK_SEND_BACKLOG_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_backlog_event)
    - [PFN_WSK_ABORT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_abort_event)
    - [PFN_WSK_ACCEPT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept_event)
    - [PFN_WSK_INSPECT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_inspect_event)
    - ovpn-dco-win commit 1352429, "wsk: return proper values from WSK receive callbacks"
    """

    code = "WSK020"
    name = "callback-return-value"
    category = "callbacks"
    severity = "error"
    precision = "high"
    help = ("Return only the documented values; handle errors inside the callback (drop, reset or close) and "
            "return STATUS_SUCCESS, or resume indications after STATUS_DATA_NOT_ACCEPTED.")

    def check(self, program):
        consts = _ReturnedConstants(program)
        calls = {wsk_name(ev.expr) or ev.expr.name: ev for fn in program.functions.values() for _, ev in fn.calls()}
        reenables = any(_control(fn, ev) for fn in program.functions.values() for _, ev in fn.calls())
        for key, roles in program.roles.items():
            fn = program.functions[key]
            if not fn.blocks:
                continue
            for role in roles:
                event = role.event
                if event not in EVENT_RETURNS:
                    continue
                allowed = {STATUS.get(n, INSPECT_ACTIONS.get(n)) for n in EVENT_RETURNS[event]}
                for ret, values, used in _returns(fn, consts, event):
                    for v, text in values:
                        where = [role_step(role, fn)]
                        if v not in allowed:
                            yield self.report(ret.loc, f"{fn.name} ({event}) returns {text}; it may return only "
                                              f"{', '.join(EVENT_RETURNS[event])}", fn=fn,
                                              trace=where + [step(ret.loc, f"returns {text}")],
                                              anchor=f"{fn.name} returns {text}")
                        else:
                            yield from self._obligation(fn, event, v, ret, used, calls, reenables, where)
                break

    def _obligation(self, fn, event, v, ret, used, calls, reenables, where):
        if event == "WskReceiveEvent" and v == NOT_ACCEPTED and "WskReceive" not in calls:
            yield self.report(ret.loc, f"{fn.name} returns STATUS_DATA_NOT_ACCEPTED, but the driver never calls "
                              f"WskReceive to resume receive indications", fn=fn, severity="warning",
                              trace=where + [step(ret.loc, "returns STATUS_DATA_NOT_ACCEPTED")],
                              anchor=f"{fn.name} not accepted no WskReceive")
        elif event == "WskReceiveFromEvent" and v == NOT_ACCEPTED and not reenables:
            yield self.report(ret.loc, f"{fn.name} returns STATUS_DATA_NOT_ACCEPTED, which disables the callback, "
                              f"but the driver never re-enables it with SO_WSK_EVENT_CALLBACK", fn=fn,
                              severity="warning", trace=where + [step(ret.loc, "returns STATUS_DATA_NOT_ACCEPTED")],
                              anchor=f"{fn.name} not accepted no re-enable")
        elif event == "WskInspectEvent" and v == INSPECT_ACTIONS["WskInspectPend"] \
                and "WskInspectComplete" not in calls:
            yield self.report(ret.loc, f"{fn.name} returns WskInspectPend, but the driver never calls "
                              f"WskInspectComplete", fn=fn, severity="warning",
                              trace=where + [step(ret.loc, "returns WskInspectPend")],
                              anchor=f"{fn.name} pend no complete")
        elif event == "WskAcceptEvent" and v == REQUEST_NOT_ACCEPTED:
            for ev in used:
                yield self.report(ev.loc, f"{fn.name} uses the accepted socket with {wsk_name(ev.expr)} and then "
                                  f"returns STATUS_REQUEST_NOT_ACCEPTED, after which WSK closes that socket", fn=fn,
                                  trace=where + [step(ev.loc, f"{wsk_name(ev.expr)} on the accepted socket"),
                                                 step(ret.loc, "returns STATUS_REQUEST_NOT_ACCEPTED")],
                                  anchor=f"{fn.name} {ev.expr.text} not accepted")


def _control(fn, ev) -> bool:
    """A call that re-enables event callbacks (SO_WSK_EVENT_CALLBACK) or makes them static."""
    name = wsk_name(ev.expr)
    if name == "WskControlSocket":
        code = arg(ev.expr, "ControlCode")
        return code is not None and code.strip().value == SO_WSK_EVENT_CALLBACK
    if name == "WskControlClient":
        code = arg(ev.expr, "ControlCode")
        return code is not None and code.strip().value == WSK_SET_STATIC_EVENT_CALLBACKS
    return False


def _returns(fn, consts, event):
    """[(return event, [(value, text)], [WSK calls on the accepted socket on that path])], each return
    event once per distinct value set."""
    accept_param = None
    if event == "WskAcceptEvent":
        i = EVENT_CALLBACKS["WskAcceptEvent"].index("AcceptSocket")
        accept_param = fn.params[i].name if i < len(fn.params) else None
    found = {}

    def stp(st, fx, ev, tr):
        used, ret = st
        if ev.kind == "return":      # in the state, so that paths through different returns stay apart
            return (used, ev), fx, tr
        if accept_param and ev.kind == "call" and wsk_name(ev.expr):
            s = arg(ev.expr, "Socket")
            if s is not None and s.strip().kind == "name" and s.strip().name == accept_param:
                used = used + (ev,)
        return (used, ret), fx, tr

    def at_exit(st, fx, tr, _):
        st, ret = st
        if ret is None or ret.expr is None:
            return
        values = _value(ret.expr, fx, fn, consts)
        if values is None:
            return
        k = id(ret)
        prev = found.get(k)
        merged = dict(prev[1]) if prev else {}
        merged.update(values)
        used = list(prev[2]) if prev else []
        used += [e for e in st if e not in used]
        found[k] = (ret, merged, used)

    Walk(fn, stp, at_exit).run(fn.entry, 0, ((), None), Facts())
    return [(ret, sorted(vals.items()), used) for ret, vals, used in found.values()]


def _value(e, fx, fn, consts) -> dict | None:
    """{value: text} that `e` may evaluate to, or None when not all are known."""
    e = e.strip()
    if e.kind == "cond" and len(e.kids) == 3:
        a, b = _value(e.kids[1], fx, fn, consts), _value(e.kids[2], fx, fn, consts)
        return None if a is None or b is None else {**a, **b}
    if e.value is not None:
        v = u32(e.value)
        return {v: e.macro or (e.name if e.kind == "name" else "") or status_name(v)}
    if e.kind == "name" and e.name in fn.locals:
        v = fx.const(e.name)
        return None if v is None else {u32(v): status_name(v)}
    if e.kind == "call":
        callee = consts.program.callee(e, fn)
        return consts.of(callee) if callee is not None and callee.blocks else None
    return None


class _ReturnedConstants:
    """The constants a helper returns, when it returns nothing else."""

    def __init__(self, program):
        self.program = program
        self.memo = {}

    def of(self, fn) -> dict | None:
        if fn.key in self.memo:
            return self.memo[fn.key]
        self.memo[fn.key] = None
        out = {}
        complete = [True]

        def at_exit(ret, fx, tr, _):
            vals = _value(ret.expr, fx, fn, self) if ret is not None and ret.expr is not None else None
            if vals is None:
                complete[0] = False
            else:
                out.update(vals)

        def stp(st, fx, ev, tr):
            return (ev if ev.kind == "return" else st), fx, tr

        Walk(fn, stp, at_exit).run(fn.entry, 0, None, Facts())
        self.memo[fn.key] = out if complete[0] and out else None
        return self.memo[fn.key]
