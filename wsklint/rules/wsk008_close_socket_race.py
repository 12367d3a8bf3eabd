from __future__ import annotations

from ..analysis.calls import arg, wsk_name
from ..analysis.paths import Facts, Walk
from ..graphs.irpflow import rebase, root_of
from ..knowledge import sync
from .base import Rule, short, step

CLOSE = "WskCloseSocket"
# Entry points that never run alongside the ones paired with them here.
_SEQUENTIAL = ({"unload", "dispatch"}, {"unload", "add_device"}, {"unload", "pnp_start"})


class CloseSocketRace(Rule):
    """`WskCloseSocket` is called while other calls on the socket may be in progress, after which the
    socket is used again, or twice.

    ## What it does
    - On one path of one function: a WSK call on a socket after `WskCloseSocket` on it, including a
      second close (also through a helper that always closes its argument's socket).
    - Across the driver (warning): a socket kept in a struct field that one context closes
      (`WskCloseSocket`) while another context can call WSK functions on it, or close it too. Contexts
      are the entry points reaching the calls: event callbacks, completion routines, DPCs, work items,
      threads, dispatch and unload routines. The pair is not reported when the closer waits for
      run-down protection or a remove lock, drops a reference count to zero before closing, takes the
      socket with an interlocked exchange, or when both calls hold the same spin lock.

    ## Why is this bad?
    `wsk.h` makes it illegal to call `WskCloseSocket` while another call on the socket (including
    extension functions) has not returned, and WSK frees the socket object once the close completes
    (`__drv_freesMem`): a later call, or a second close, uses freed memory.

    ## Example
    ```c
    /* receive callback */             /* unload */
    disp->WskSend(c->Sock, &b, 0, irp);  disp->WskCloseSocket(c->Sock, irp2);
    ```

    ## Use instead
    ```c
    if (!ExAcquireRundownProtection(&c->Rundown)) return STATUS_CONNECTION_ABORTED;
    st = disp->WskSend(c->Sock, &b, 0, irp);
    ExReleaseRundownProtection(&c->Rundown);
    ...
    ExWaitForRundownProtectionRelease(&c->Rundown);      /* then */ disp->WskCloseSocket(c->Sock, irp);
    ```

    ## Known limitations
    Sockets are matched by struct field (`CONN.Socket`), so two sockets kept in the same field of
    different objects are one socket here. A design that confines each socket to one thread through a
    queue the analysis cannot see is reported; this is why the cross-context check is a warning.

    ## References
    - [PFN_WSK_CLOSE_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_close_socket)
    - [Closing a Socket](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/closing-a-socket)
    - wireguard-nt `CloseSocket` waits with `ExWaitForRundownProtectionRelease` before closing
    """

    code = "WSK008"
    name = "close-socket-race"
    category = "sockets"
    severity = "error"
    precision = "medium"
    help = ("Close a socket once, after every other call on it has returned: confine it to one thread, or "
            "protect calls with run-down protection and wait for it before WskCloseSocket.")

    def check(self, program):
        closes = _CloseSummary(program)
        for fn in program.functions.values():
            yield from self._after_close(fn, closes)
        yield from self._cross_context(program)

    # -- one path ---------------------------------------------------------------------------------
    def _after_close(self, fn, closes):
        found = {}

        def stp(closed, fx, ev, tr):
            if ev.kind in ("assign", "decl") and ev.target is not None:
                p = ev.target.path()
                if p is not None:   # re-created (or its holder replaced)
                    closed = frozenset(c for c in closed if c[0] != p and not c[0].startswith((p + "->", p + ".")))
                return closed, fx, tr
            if ev.kind != "call":
                return closed, fx, tr
            name = wsk_name(ev.expr)
            sock = _socket_path(ev.expr)
            if name and sock is not None:
                prior = next((c for c in closed if c[0] == sock), None)
                if prior is not None and id(ev) not in found:
                    found[id(ev)] = (ev, name, sock, prior[1])
                if name == CLOSE:
                    closed = closed | {(sock, ev.loc)}
            for p in closes.closed_by(ev.expr, fn):
                closed = closed | {(p, ev.loc)}
            return closed, fx, tr

        Walk(fn, stp).run(fn.entry, 0, frozenset(), Facts())
        for ev, name, sock, at in found.values():
            what = "closes it again" if name == CLOSE else f"calls {name} on it"
            yield self.report(ev.loc, f"{fn.name} {what} after WskCloseSocket closed {sock} at "
                              f"{short(at)}; WSK frees the socket when the close completes",
                              fn=fn, trace=[step(at, f"{sock} is closed here"), step(ev.loc, f"{name} on {sock}")],
                              anchor=f"{fn.name} {ev.expr.text} after close")

    # -- across contexts --------------------------------------------------------------------------
    def _cross_context(self, program):
        contexts = program.callgraph.contexts
        facts = program.irql
        by_field: dict[tuple, list] = {}
        for fn in program.functions.values():
            if fn.key not in contexts:
                continue
            copies = _local_copies(fn)
            for _, ev in fn.calls():
                name = wsk_name(ev.expr)
                sock = arg(ev.expr, "Socket") if name else None
                key = _field_key(sock, copies)
                if key is not None:
                    by_field.setdefault(key, []).append((fn, ev, name))
        for key, uses in by_field.items():
            for c_fn, c_ev, c_name in uses:
                if c_name != CLOSE or _closer_protected(program, c_fn):
                    continue
                other = self._conflict(program, contexts, facts, c_fn, c_ev, uses)
                if other is None:
                    continue
                u_fn, u_ev, u_name, r1, r2 = other
                field = f"{key[0]}.{key[1]}" if key[0] else key[1]
                what = "closes it too" if u_name == CLOSE else f"calls {u_name} on it"
                roles = program.roles
                yield self.report(
                    c_ev.loc, f"{c_fn.name} closes the socket in {field} while {u_fn.name} {what} from another "
                    f"context ({_ctx(program, r1)} and {_ctx(program, r2)}); nothing orders the calls before the close",
                    fn=c_fn, severity="warning",
                    trace=[step(roles[r1][0].loc, f"{c_fn.name} runs in {_ctx(program, r1)}"),
                           step(c_ev.loc, f"WskCloseSocket on {field}"),
                           step(roles[r2][0].loc, f"{u_fn.name} runs in {_ctx(program, r2)}"),
                           step(u_ev.loc, f"{u_name} on {field}")],
                    anchor=f"{c_fn.name} close {field} vs {u_fn.name}")

    @staticmethod
    def _conflict(program, contexts, facts, c_fn, c_ev, uses):
        c_locks = set(_locks(facts, c_fn, c_ev))
        for u_fn, u_ev, u_name in uses:
            if u_ev is c_ev or (u_name == CLOSE and u_fn.key == c_fn.key):
                continue
            if c_locks & set(_locks(facts, u_fn, u_ev)) or _protected_use(u_fn):
                continue
            for r1 in sorted(contexts[c_fn.key]):
                for r2 in sorted(contexts[u_fn.key]):
                    if r1 != r2 and _concurrent(program, r1, r2):
                        return u_fn, u_ev, u_name, r1, r2
        return None


def _ctx(program, key) -> str:
    r = program.roles[key][0]
    kind = r.event or r.kind.replace("_", " ")
    return f"{kind} {program.functions[key].name}"


def _concurrent(program, r1: str, r2: str) -> bool:
    k1 = {r.kind for r in program.roles[r1]}
    k2 = {r.kind for r in program.roles[r2]}
    if "driver_entry" in k1 | k2:
        return False
    return not any(a in k1 and b in k2 or b in k1 and a in k2 for a, b in (tuple(p) for p in _SEQUENTIAL))


def _locks(facts, fn, ev):
    st = facts.at(fn, ev)
    return st.locks if st is not None else ()


def _calls_any(fn, names) -> bool:
    return any(ev.expr.name in names for _, ev in fn.calls())


def _closer_protected(program, fn) -> bool:
    """The closing function, or one on a call chain into it, drains users, counts references down, or
    takes the socket atomically."""
    names = sync.DRAINS | sync.REFCOUNT_RELEASES | sync.ATOMIC_TAKES
    return _calls_any(fn, names) or any(_calls_any(c, names) for c, _ in program.callgraph.callers(fn.key))


def _protected_use(fn) -> bool:
    return _calls_any(fn, sync.PROTECTS)


def _socket_path(call):
    s = arg(call, "Socket")
    return s.path() if s is not None and s.path() is not None and "[?]" not in s.path() else None


def _local_copies(fn) -> dict:
    """Locals assigned exactly once, from a struct field: name -> the member expression."""
    seen: dict[str, list] = {}
    for _, ev in fn.events():
        if ev.kind in ("assign", "decl") and ev.target is not None and ev.target.strip().kind == "name" \
                and ev.expr is not None:
            seen.setdefault(ev.target.strip().name, []).append(ev.expr.strip())
    return {k: v[0] for k, v in seen.items() if len(v) == 1 and v[0].kind == "member"}


def _field_key(sock, copies):
    if sock is None:
        return None
    e = sock.strip()
    if e.kind == "name" and e.name in copies:
        e = copies[e.name]
    if e.kind == "member":
        return (e.ref, e.name)
    return None


class _CloseSummary:
    """Helpers that close the socket their argument designates on every path:
    `CloseConn(Conn)` closing `Conn->Socket` closes `c->Socket` at a call `CloseConn(c)`."""

    def __init__(self, program):
        self.program = program
        self.memo = {}

    def closed_by(self, call, fn) -> list:
        callee = self.program.callee(call, fn)
        if callee is None or not callee.blocks:
            return []
        out = []
        for i, param, p in self._closes(callee):
            if i < len(call.args):
                base = call.args[i].path()
                if base is not None and "[?]" not in base:
                    out.append(rebase(p, param, base))
        return out

    def _closes(self, fn) -> list:
        if fn.key in self.memo:
            return self.memo[fn.key]
        self.memo[fn.key] = []
        params = {p.name: i for i, p in enumerate(fn.params)}
        exits = []

        def stp(closed, fx, ev, tr):
            if ev.kind == "call":
                if wsk_name(ev.expr) == CLOSE:
                    p = _socket_path(ev.expr)
                    if p is not None:
                        closed = closed | {p}
                for p in self.closed_by(ev.expr, fn):
                    closed = closed | {p}
            return closed, fx, tr

        Walk(fn, stp, lambda closed, fx, tr, ret: exits.append(closed)).run(fn.entry, 0, frozenset(), Facts())
        must = frozenset.intersection(*exits) if exits else frozenset()
        out = []   # (parameter index, parameter name, the closed path it starts)
        for p in sorted(must):
            root = root_of(p)
            if root in params:
                out.append((params[root], root, p))
        self.memo[fn.key] = out
        return out
