from __future__ import annotations

from ..analysis import status
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from ..analysis.sends import STREAM_SENDS, Requests, is_wait, op_name
from ..analysis.interproc import call_steps
from ..knowledge import wsk
from ..result import Fix, Replacement
from .base import Rule, step

CONNECTED = frozenset({"connection", "stream"})
ABORTIVE = wsk.CONSTANTS["WSK_FLAG_ABORTIVE"]


class AbortiveClose(Rule):
    """Disconnect gracefully before closing a connected socket; an abortive disconnect sends no data.

    ## What it does
    - Reports `WskCloseSocket` on a connected connection-oriented socket that was not disconnected
      with `WskDisconnect` first, on a path that is not an error path (a note; a warning when a
      `WskSend` on that socket may still be pending there). The socket typestate follows the socket
      from its creation (or accept) through helpers.
    - Reports, as a note at each close, a driver that connects connection-oriented sockets but never
      calls `WskDisconnect` anywhere: every close it performs on a connected socket is abortive.
    - Reports `WskDisconnect` with `WSK_FLAG_ABORTIVE` and a non-NULL `Buffer` (with a fix that passes
      NULL).

    ## Why is this bad?
    `WskCloseSocket` on a socket that is not disconnected in both directions performs an abortive
    disconnect: the peer receives a reset and data still in flight, including pending sends, is lost.
    An abortive `WskDisconnect` sends nothing, so a final buffer passed with it is invalid.

    ## Example
    ```c
    conn->WskSend(s, &last, 0, irp1);
    conn->WskCloseSocket(s, irp2);                                  /* aborts the in-flight send */
    conn->WskDisconnect(s, &finalBuf, WSK_FLAG_ABORTIVE, irp3);     /* Buffer must be NULL */
    ```

    ## Use instead
    Wait for the sends to complete, call `WskDisconnect(s, NULL, 0, irp)` and wait for it with a
    timeout; if it does not complete, disconnect with `WSK_FLAG_ABORTIVE` (Buffer NULL) or close.
    Then call `WskCloseSocket`.

    ## Known limitations
    Closes on error paths (after a failed status test), after an abortive disconnect indication
    (`WskDisconnectEvent` with `WSK_FLAG_ABORTIVE`) and inside the accept callback (rejecting the
    connection) are intended and not reported. A close in a
    function other than the one that connected the socket (a work item, a completion routine) is
    judged only by the driver-wide check. A send counts as complete once the path waits.

    ## References
    - [PFN_WSK_DISCONNECT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_disconnect)
    - [Disconnecting a Socket from a Destination](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/disconnecting-a-socket-from-a-destination)
    - [PFN_WSK_CLOSE_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_close_socket)
    - [libwsk issue #7 (RST after close)](https://github.com/MiroKaku/libwsk/issues/7)
    """

    code = "WSK033"
    name = "abortive-close"
    category = "sockets"
    severity = "warning"
    precision = "medium"
    help = ("Wait for pending sends, call WskDisconnect(Socket, NULL, 0, Irp) and wait for it with a timeout "
            "(on timeout disconnect with WSK_FLAG_ABORTIVE and a NULL Buffer), then WskCloseSocket.")

    def check(self, program):
        sm = program.sockets
        yield from self._abortive_buffer(sm)
        reported = set()
        sends = Requests(program, STREAM_SENDS)
        seen = set()
        for v in sm.visits:
            op = v.op
            if op.name != "WskCloseSocket" or not _connection(v.origin) or "connected" not in v.state \
                    or v.state & {"disconnected", "unknown", "closed"} or (op.fn.key, id(op.event)) in seen:
                continue
            seen.add((op.fn.key, id(op.event)))
            if v.origin.kind == "accept_event" and op.fn is v.origin.fn:
                continue            # closing in the accept callback rejects the connection: nothing to lose
            arrival = _arrival(program, sends, op.fn, op.event, v.origin)
            if arrival is None:
                continue
            pending = arrival
            reported.add(id(op.call))
            trace = [step(v.origin.loc, f"{v.origin.describe()}")]
            if pending:
                trace.append(step(pending.loc, "a WskSend on it may still be pending"))
            trace.append(step(op.loc, "closed here without WskDisconnect"))
            trace += call_steps(op.chain[1:])
            yield self.report(op.loc, "WskCloseSocket closes a connected socket that was not disconnected: the "
                              "close is abortive (the peer sees a reset)" +
                              (" and the pending send is lost" if pending else ""), fn=op.fn, trace=trace,
                              anchor=f"abortive close {op.call.text}", severity="warning" if pending else "note")
        yield from self._never_disconnects(program, sm, reported)

    def _abortive_buffer(self, sm):
        seen = set()
        for op in sm.ops:
            if op.name != "WskDisconnect":
                continue
            flags, buf = op.arg("Flags"), op.arg("Buffer")
            if flags is None or buf is None or id(buf.expr) in seen:
                continue
            vals = sm.values(flags.expr, flags.fn)
            b = buf.expr.strip()
            if None in vals or not all(v & ABORTIVE for v in vals) or not (b.kind == "unop" and b.op == "&"):
                continue
            seen.add(id(buf.expr))
            fix = Fix("Pass NULL as the Buffer of an abortive disconnect", [Replacement(buf.expr.loc, "NULL")])
            yield self.report(buf.expr.loc, f"WskDisconnect with WSK_FLAG_ABORTIVE is given the buffer "
                              f"'{buf.expr.text}'; an abortive disconnect sends no data and Buffer must be NULL",
                              fn=buf.fn, trace=[step(op.loc, "abortive WskDisconnect")], fixes=[fix],
                              anchor=f"abortive buffer {op.call.text}")

    def _never_disconnects(self, program, sm, reported):
        if any(op_name(ev.expr, fn) == "WskDisconnect" for fn in program.functions.values() for _, ev in fn.calls()):
            return
        connects = any(o.kind in ("socket_connect", "accept", "accept_event") for o in sm.origins) or \
            any(op.name in ("WskConnect", "WskConnectEx") for op in sm.ops)
        if not connects:
            return
        chains = _Entries(program)
        for op in sm.ops:
            if op.name != "WskCloseSocket" or not op.direct or id(op.call) in reported \
                    or "event:WskAcceptEvent" in program.role_kinds(op.fn.key):
                continue            # (closing in the accept callback rejects the connection)
            if op.origins and not any(_may_connect(o) for o in op.origins) or \
                    not op.origins and op.table not in ("WSK_PROVIDER_CONNECTION_DISPATCH", "WSK_PROVIDER_STREAM_DISPATCH"):
                continue
            chain = chains.non_error(op.fn, op.event)
            if chain is None:
                continue
            reported.add(id(op.call))
            trace = call_steps(chain[:-1])
            trace.append(step(op.loc, "closes the socket; the driver never calls WskDisconnect"))
            yield self.report(op.loc, "The driver connects connection-oriented sockets but never calls WskDisconnect: "
                              "this WskCloseSocket closes them abortively (the peer sees a reset)", fn=op.fn,
                              trace=trace, anchor=f"never disconnects {op.call.text}", severity="note")


def _connection(origin) -> bool:
    return bool(origin.categories) and origin.categories <= CONNECTED


def _may_connect(origin) -> bool:
    return bool(origin.categories & CONNECTED)


def _error_edge(blk, label) -> bool:
    """An edge into code that handles a failure, or an abortive disconnect indication."""
    if label == "exc":
        return True
    if label not in ("T", "F") or blk.cond is None:
        return False
    want = label == "T"
    return status.failure_branch(blk.cond, want) or status.flag_test(blk.cond, _abortive) == want


def _abortive(mask) -> bool:
    """`Flags & WSK_FLAG_ABORTIVE`."""
    for k in mask.kids:
        k = k.strip()
        if k.macro == "WSK_FLAG_ABORTIVE" or (k.kind == "name" and k.name == "WSK_FLAG_ABORTIVE"):
            return True
    return False


def _arrival(program, sends, fn, close_ev, origin):
    """How a path that is not an error path reaches `close_ev` with `origin` connected and not
    disconnected: None if none does; else False, or the event of a send on it that may still be pending."""
    ops = {}
    for op in program.sockets.ops_in(fn):
        if origin in op.origins or op.call is origin.call:
            ops.setdefault(id(op.event), []).append(op)
    hits = []

    def stp(st, fx, ev, tr):
        err, conn, pend = st
        if ev is close_ev:
            if not err and conn:
                live = tuple(p for p in pend if status.PENDING in (fx.get(p[0]) or status.ANY))
                hits.append(live[0][1] if live else False)
            return STOP
        if ev.kind != "call":
            return st, fx, tr
        for op in ops.get(id(ev), ()):
            if op.call is origin.call:
                conn = origin.kind in ("socket_connect", "accept")
            elif op.name in ("WskConnect", "WskConnectEx"):
                conn = True
            elif op.name == "WskDisconnect":
                conn = False
            elif op.name in STREAM_SENDS:
                callee = program.callee(ev.expr, fn) if not op.direct else None
                if callee is None or sends.sync(callee) is None:
                    fx, key = track_call_status(fx, ev, ev.expr)
                    pend = pend + ((key, ev),)
        callee = program.callee(ev.expr, fn)
        if pend and (is_wait(ev.expr) or (callee is not None and callee.blocks and sends.may_wait(callee))):
            pend = ()
        return (err, conn, pend), fx, tr

    def edge(st, blk, succ, label):
        return (True,) + st[1:] if not st[0] and _error_edge(blk, label) else st

    start = origin.kind == "accept_event"
    Walk(fn, stp, None, edge).run(fn.entry, 0, (False, start, ()), Facts())
    if not hits:
        return None
    live = [h for h in hits if h]
    return live[0] if live else False


class _Entries:
    """Call chains from an entry of the driver (a function nobody calls) to an event, avoiding error paths."""

    def __init__(self, program, depth: int = 6):
        self.program = program
        self.depth = depth
        self.memo: dict = {}

    def non_error(self, fn, ev, depth=None):
        depth = self.depth if depth is None else depth
        key = (fn.key, id(ev))
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None
        if not _reaches_without_error(fn, ev):
            return None
        sites = list(self.program.callers.get(fn.key, ()))
        if fn.parent and fn.parent in self.program.functions:
            parent = self.program.functions[fn.parent]
            sites += [(parent, e, e.expr) for _, e in parent.calls()
                      if any(a.kind == "lambda" and a.name == fn.key for a in e.expr.args)]
        if not sites or depth <= 0:
            self.memo[key] = [(fn, ev)]
            return self.memo[key]
        for caller, cev, _ in sites:
            up = self.non_error(caller, cev, depth - 1)
            if up is not None:
                self.memo[key] = up + [(fn, ev)]
                break
        return self.memo[key]


def _reaches_without_error(fn, target) -> bool:
    hit = []

    def stp(st, fx, ev, tr):
        if ev is target:
            if not st:
                hit.append(True)
            return STOP
        return st, fx, tr

    def edge(st, blk, succ, label):
        return True if st or _error_edge(blk, label) else st

    Walk(fn, stp, None, edge).run(fn.entry, 0, False, Facts())
    return bool(hit)
