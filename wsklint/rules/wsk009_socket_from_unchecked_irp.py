from __future__ import annotations

from ..analysis import status
from ..analysis.calls import arg, derefs, wsk_name
from ..analysis.interproc import MustReach
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from ..knowledge.irp import CREATES_SOCKET
from .base import Rule, step


def _is_socket_type(t: str | None) -> bool:
    return bool(t) and "WSK_SOCKET" in t and ("*" in t or t.replace("const", "").strip().startswith("P"))


def _status_path(irp_path: str) -> str:
    return f"{irp_path[1:]}.IoStatus.Status" if irp_path.startswith("&") else f"{irp_path}->IoStatus.Status"


def _information_of(e, irp_paths) -> bool:
    """`<irp>->IoStatus.Information` for one of the IRP paths."""
    e = e.strip()
    if e.kind != "member" or e.name != "Information" or not e.kids:
        return False
    io = e.kids[0].strip()
    if io.kind != "member" or io.name != "IoStatus" or not io.kids:
        return False
    base = io.kids[0].path()
    if base is None:
        return False
    return (base if io.op == "->" else "&" + base) in irp_paths


def _socket_reads(ev, irp_paths):
    """Nodes of the event that take the IRP's Information as a socket pointer."""
    roots = [e for e in (ev.expr, ev.target) if e is not None]
    for r in roots:
        for n in r.walk():
            if n.kind == "cast" and _is_socket_type(n.ref or n.type) and _information_of(n, irp_paths):
                yield n
    if ev.kind in ("assign", "decl") and ev.expr is not None and ev.target is not None and \
            _is_socket_type(ev.target.type) and ev.expr.strip().kind == "member" and _information_of(ev.expr, irp_paths):
        yield ev.expr


class SocketFromUncheckedIrp(Rule):
    """Take the new socket from `IoStatus.Information` only after success; never close a socket never created.

    ## What it does
    - After `WskSocket`, `WskSocketConnect` or `WskAccept`, reports a read of
      `Irp->IoStatus.Information` as a `PWSK_SOCKET` on a path where neither the call's returned status
      nor `Irp->IoStatus.Status` has been checked for success -- in the function that issued the call
      and in the completion routine set on its IRP.
    - Reports a `PWSK_SOCKET` local declared without an initialiser that reaches `WskCloseSocket`, a
      helper that closes its parameter, or a dereference on a path where it was never assigned, or
      where the helper that should have returned it through `&sock` failed.

    ## Why is this bad?
    `IoStatus.Information` holds the new socket only when the IRP completed with success. After a
    failure it holds something else, and a socket variable that was never assigned holds stack
    garbage: closing or using either dereferences a wild pointer. ovpn-dco-win shipped exactly this
    bugcheck after a failed `WskSocket`.

    ## Example
    ```c
    PWSK_SOCKET sock;                                   /* uninitialised */
    st = CreateSocketSync(&sock);
    if (!NT_SUCCESS(st)) goto fail;
    ...
    fail:
        CloseSocket(sock);                              /* garbage pointer */
    ```

    ## Use instead
    ```c
    PWSK_SOCKET sock = NULL;
    ...
    if (NT_SUCCESS(irp->IoStatus.Status)) sock = (PWSK_SOCKET)irp->IoStatus.Information;
    ...
    fail:
        if (sock != NULL) CloseSocket(sock);
    ```

    ## Known limitations
    Reads in helpers or lambdas that run only after their caller checked the status (a "success"
    callback) are not judged. A helper that returns the socket through an out-parameter counts as having
    set it when it may have succeeded, or when it assigns the out-parameter on every path.

    ## References
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket) (remarks)
    - [PFN_WSK_ACCEPT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept)
    - ovpn-dco-win commit a040dc9, "Fix crash after WskSocket() failure"
    """

    code = "WSK009"
    name = "socket-from-unchecked-irp"
    category = "sockets"
    severity = "error"
    precision = "high"
    help = ("Initialise socket variables to NULL, take the socket from IoStatus.Information only under "
            "NT_SUCCESS(Irp->IoStatus.Status), and close only non-NULL sockets.")

    def check(self, program):
        self.program = program
        self._closers: dict = {}
        flow = program.irpflow
        for fn in program.functions.values():
            if not fn.blocks:
                continue
            for op in flow.submissions(fn):
                if op.api in CREATES_SOCKET:
                    yield from self._unchecked_reads(fn, op)
            yield from self._uninitialised(fn)

    # -- reads of IoStatus.Information ---------------------------------------------------------------
    def _unchecked_reads(self, fn, op):
        flow = self.program.irpflow
        raw = arg(op.call, "Irp").strip().path()
        paths = {p for p in (raw, op.key) if p}
        found = []

        def stp(st, fx, ev, tr):
            if ev is op.ev:
                fx, key = track_call_status(fx, ev, op.call)
                for p in paths:
                    fx = fx.set(_status_path(p), status.ANY)
                return key, fx, tr + (step(ev.loc, f"{op.api} creates the socket"),)
            if st is None:
                return st, fx, tr
            for node in _socket_reads(ev, paths):
                checked = [fx.get(k) for k in [st] + [_status_path(p) for p in paths] if fx.get(k) is not None]
                if not any(status.FAIL not in o for o in checked):
                    found.append((node, tr))
                    return STOP
            return st, fx, tr

        Walk(fn, stp, relay=lambda c: flow.relay(c, fn)).run(fn.entry, 0, None, Facts())
        for r in self._routines_of(fn, op):
            found += self._routine_reads(r)
        for node, tr in found:
            yield self.report(node.loc, f"IoStatus.Information is taken as the new socket without checking that "
                              f"{op.api} succeeded", fn=fn, trace=list(tr) + [step(node.loc, "read as a PWSK_SOCKET")],
                              anchor=f"{node.text} unchecked")

    def _routines_of(self, fn, op):
        flow = self.program.irpflow
        out = []
        for arm in flow.flow(fn).all_ops("arm"):
            if arm.key == op.key and arm.routine:
                r = flow.routine(arm.routine)
                if r is not None and r.irp_param and r not in out:
                    out.append(r)
        return out

    def _routine_reads(self, r):
        found = []
        paths = {r.irp_param}

        def stp(st, fx, ev, tr):
            for node in _socket_reads(ev, paths):
                o = fx.get(_status_path(r.irp_param))
                if o is None or status.FAIL in o:
                    found.append((node, (step(r.fn.loc, f"completion routine {r.fn.name}"),)))
                    return STOP
            return st, fx, tr

        Walk(r.fn, stp).run(r.fn.entry, 0, None, Facts().set(_status_path(r.irp_param), status.ANY))
        return found

    # -- uninitialised socket locals -----------------------------------------------------------------
    def _uninitialised(self, fn):
        for name, var in fn.locals.items():
            if var.storage != "auto" or not _is_socket_type(var.type):
                continue
            decl = next((ev for _, ev in fn.events() if ev.kind == "decl" and ev.target is not None
                         and ev.target.strip().name == name), None)
            if decl is None or decl.expr is not None:
                continue
            yield from self._follow_local(fn, name, decl)

    def _follow_local(self, fn, name, decl):
        found = []

        def stp(st, fx, ev, tr):
            if ev is decl:
                return "uninit", fx, (step(ev.loc, f"'{name}' is declared without a value"),)
            if st is None or st == "init":
                return st, fx, tr
            if ev.kind == "assign" and ev.target is not None and ev.target.strip().path() == name:
                return "init", fx, tr
            if ev.kind == "call":
                if any(a.strip().path() == f"&{name}" for a in ev.expr.args):
                    callee = self.program.callee(ev.expr, fn)
                    if callee is not None and self._sets_out(callee, ev.expr):
                        return "init", fx, tr
                    fx, key = track_call_status(fx, ev, ev.expr)
                    return key, fx, tr + (step(ev.loc, f"{ev.expr.name} sets '{name}' only if it succeeds"),)
                if self._uses(ev, fn, name):
                    cur = fx.get(st) if st != "uninit" else None
                    if st == "uninit" or (cur is not None and cur <= {status.FAIL}):
                        found.append((ev, tr))
                        return STOP
            elif derefs(ev, lambda p: p.path() == name) and st == "uninit":
                found.append((ev, tr))
                return STOP
            return st, fx, tr

        Walk(fn, stp).run(fn.entry, 0, None, Facts())
        for ev, tr in found[:1]:
            yield self.report(ev.loc, f"Socket '{name}' may be used here without ever having been set",
                              fn=fn, trace=list(tr) + [step(ev.loc, f"'{name}' is closed or dereferenced")],
                              anchor=f"{name} uninitialised {ev.expr.text if ev.expr is not None else ''}")

    def _uses(self, ev, fn, name) -> bool:
        call = ev.expr
        if wsk_name(call) == "WskCloseSocket":
            s = arg(call, "Socket")
            return s is not None and s.strip().path() == name
        if derefs(ev, lambda p: p.path() == name):
            return True
        callee = self.program.callee(call, fn)
        if callee is None or not callee.blocks:
            return False
        return any(a.strip().path() == name and self._closes(callee, i) for i, a in enumerate(call.args))

    def _closes(self, fn, index) -> bool:
        """Whether `fn` passes its parameter `index` to WskCloseSocket (directly or through helpers)."""
        key = (fn.key, index)
        if key in self._closers:
            return self._closers[key]
        self._closers[key] = False
        pname = fn.params[index].name if index < len(fn.params) else None
        out = False
        for _, ev in fn.calls():
            if pname and self._uses(ev, fn, pname):
                out = True
                break
        self._closers[key] = out
        return out

    def _sets_out(self, callee, call) -> bool:
        """Whether the helper assigns `*param` for the `&sock` argument on every path."""
        idx = next((i for i, a in enumerate(call.args) if a.strip().kind == "unop" and a.strip().op == "&"), None)
        if idx is None or idx >= len(callee.params):
            return False
        target = f"*{callee.params[idx].name}"
        return MustReach(self.program, lambda e, f: e.kind == "assign" and e.target is not None and
                         e.target.strip().path() == target).holds(callee)
