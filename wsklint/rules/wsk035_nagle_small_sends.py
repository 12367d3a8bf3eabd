from __future__ import annotations

from ..analysis import status
from ..analysis.interproc import call_steps
from ..analysis.paths import Facts, Walk, blocks_from, position_of
from ..analysis.sends import RECEIVES, bind, buffer_length
from ..graphs.irpflow import rebase, root_of
from ..knowledge import wsk
from .base import Rule, step
from .wsk034_one_send_in_flight import SMALL_SEND

NODELAY = wsk.CONSTANTS["WSK_FLAG_NODELAY"]


class NagleSmallSends(Rule):
    """Coalesce small sends; use WSK_FLAG_NODELAY and TCP_NODELAY only where latency needs them.

    ## What it does
    - Reports a `WskSend` of a constant length below 536 bytes that is followed, on the same socket
      and with no receive in between, by another `WskSend` without `WSK_FLAG_NODELAY` (in sequence or
      in the next iteration of a loop, directly or through helpers), unless the socket has
      `TCP_NODELAY` set.
    - Reports a driver that passes `WSK_FLAG_NODELAY` on every stream send.
    - Reports setting `TCP_NODELAY` with `WskControlSocket`.
    The last two are not reported when every stream send is small or answered by a receive in the
    same function (interactive and request/response protocols need every byte at once).

    ## Why is this bad?
    Nagle's algorithm holds back a segment smaller than the maximum segment size while earlier data
    is unacknowledged, and the receiver delays its acknowledgement (about 200 ms on classic Windows
    stacks) while it waits for more data. A small header sent on its own and followed by the body
    therefore stalls the body for the delayed-ACK time. Disabling Nagle everywhere instead costs
    bandwidth and packets; Microsoft cautions against doing it casually.

    ## Example
    ```c
    conn->WskSend(s, &hdr4bytes, 0, irp1);   /* header */
    conn->WskSend(s, &body, 0, irp2);        /* body: Nagle waits for the peer's delayed ACK */
    ```

    ## Use instead
    Chain the header and body MDLs into one `WSK_BUF` and call `WskSend` once; if the reply latency
    matters, pass `WSK_FLAG_NODELAY` on that (last) send only.

    ## Known limitations
    536 bytes (the IPv4 default MSS) is the threshold: smaller sends are below the MSS on every
    path. Lengths are known when every assignment of the `WSK_BUF`'s `Length` in the function (or
    its initialiser) is the same constant, also through helpers' constant arguments. Sockets are
    matched by the expression that names them. Sends separated by a timed wait or
    `KeDelayExecutionThread` (heartbeats, paced records) or by a failed status are not a sequence.

    ## References
    - [PFN_WSK_SEND](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send)
    - [IPPROTO_TCP socket options (Win32)](https://learn.microsoft.com/en-us/windows/win32/winsock/ipproto-tcp-socket-options)
    - [IPPROTO_TCP (Windows Embedded CE 6.0)](https://learn.microsoft.com/en-us/previous-versions/windows/embedded/ee494726(v=winembedded.60))
    - [Delayed Acknowledgments](https://learn.microsoft.com/en-us/previous-versions/windows/embedded/ee493431(v=winembedded.60))
    """

    code = "WSK035"
    name = "nagle-small-sends"
    category = "performance"
    severity = "note"
    precision = "medium"
    help = ("Build one WSK_BUF over an MDL chain for the whole message and send it once; pass WSK_FLAG_NODELAY on "
            "the last send of a latency-sensitive message only, and set TCP_NODELAY only when its cost is understood.")

    def check(self, program):
        sm = program.sockets
        nodelay_sockets = [op for op in sm.ops if op.direct and sm.decode(op) == ("option", "TCP_NODELAY")]
        if not nodelay_sockets:
            for fn in program.functions.values():
                if fn.key not in program.provider_functions:
                    yield from self._sequences(sm, fn)
        sends = [op for op in sm.ops if op.direct and op.name == "WskSend"]
        if not sends or all(_small(sm, op) or _answered(sm, op) for op in sends):
            return
        if all(_nodelay(sm, op) for op in sends):
            first = sends[0]
            yield self.report(first.loc, f"Every stream send of the driver ({len(sends)}) passes WSK_FLAG_NODELAY, "
                              "which turns Nagle's coalescing off for all of them", fn=first.fn,
                              related=[step(op.loc, "WskSend with WSK_FLAG_NODELAY") for op in sends[1:]],
                              trace=[step(first.loc, "WskSend with WSK_FLAG_NODELAY")],
                              anchor="nodelay on every send")
        for op in nodelay_sockets:
            v = sm.input_value(op)
            if v == 0:
                continue
            yield self.report(op.loc, "TCP_NODELAY is set on the socket: Nagle's algorithm no longer coalesces its "
                              "small sends", fn=op.fn, trace=[step(op.loc, "WskControlSocket sets TCP_NODELAY")],
                              anchor=f"tcp nodelay {op.call.text}")

    def _sequences(self, sm, fn):
        ops = [op for op in sm.ops_in(fn) if op.name == "WskSend" or op.name in RECEIVES]
        if sum(op.name == "WskSend" for op in ops) < 1:
            return
        at: dict = {}
        for op in ops:
            at.setdefault(id(op.event), []).append(op)
        found = {}

        def stp(st, fx, ev, tr):
            if st is not None and ev.kind == "call" and _paces(ev.expr):
                return None, fx, tr
            for op in at.get(id(ev), ()):
                sock = _socket(op)
                if op.name in RECEIVES:
                    if st is not None and st[1] == sock:
                        st = None
                    continue
                if st is not None and st[1] == sock and sock is not None and _known_without_nodelay(sm, op):
                    first = st[0]
                    found.setdefault(id(first.event), (first, op))
                if sock is not None and _small(sm, op) and not _nodelay(sm, op):
                    st = (op, sock)
            return st, fx, tr

        def edge(st, blk, succ, label):
            # a failed send delays nothing
            failed = label in ("T", "F") and blk.cond is not None and status.failure_branch(blk.cond, label == "T")
            return None if failed else st

        Walk(fn, stp, None, edge).run(fn.entry, 0, None, Facts())
        for first, second in found.values():
            n = _length(sm, first)
            where = "in the next iteration" if second is first else "next"
            trace = [step(first.loc, f"WskSend of {n} bytes on '{_socket(first)}'"),
                     step(second.loc, f"{where}, another WskSend on it without WSK_FLAG_NODELAY")]
            trace += call_steps(first.chain[1:])
            yield self.report(first.loc, f"This {n}-byte send is followed by another send on the same socket: with Nagle's "
                              "algorithm the second waits for the peer's delayed acknowledgement of the first",
                              fn=fn, trace=trace, anchor=f"small send {first.call.text} {second.call.text}")


def _paces(call) -> bool:
    """A timed wait or a delay between two sends: the sends are paced, not back to back."""
    if call.op != "direct":
        return False
    if call.name == "KeDelayExecutionThread":
        return True
    timeout = {"KeWaitForSingleObject": 4, "KeWaitForMultipleObjects": 7}.get(call.name)
    return timeout is not None and len(call.args) > timeout and call.args[timeout].strip().value != 0


def _socket(op) -> str | None:
    """The socket a send operates on, as an access path in the function the operation is seen from
    (a helper's `c->Socket` becomes the caller's `conn->Socket`)."""
    b = op.arg("Socket")
    if b is None:
        return None
    path, where = b.expr.strip().path(), b.fn
    for (f, e), (g, _) in reversed(list(zip(op.chain, op.chain[1:]))):
        if where is not g:
            continue
        root = root_of(path)
        i = g.param_index(root) if root else None
        arg = e.expr.args[i].path() if i is not None and i < len(e.expr.args) else None
        if arg is None:
            return None
        path = rebase(path, root, arg)
        where = f
    return path if where is op.fn else None


def _length(sm, op) -> int | None:
    b = op.arg("Buffer")
    if b is None:
        return None
    facts = Facts()
    if b.fn is op.inner:
        for (f, e), (g, _) in zip(op.chain, op.chain[1:]):
            facts = Facts(consts=bind(g, e.expr, facts))
    return buffer_length(b.fn, b.expr, facts)


def _small(sm, op) -> bool:
    n = _length(sm, op)
    return n is not None and n < SMALL_SEND


def _flags(sm, op) -> frozenset:
    b = op.arg("Flags")
    return sm.values(b.expr, b.fn) if b is not None else frozenset({None})


def _nodelay(sm, op) -> bool:
    vs = _flags(sm, op)
    return None not in vs and all(v & NODELAY for v in vs)


def _known_without_nodelay(sm, op) -> bool:
    vs = _flags(sm, op)
    return None not in vs and not any(v & NODELAY for v in vs)


def _answered(sm, op) -> bool:
    """Whether a receive follows the send in the same function (request/response)."""
    fn = op.fn
    receives = {id(r.event) for r in sm.ops_in(fn) if r.name in RECEIVES}
    if not receives:
        return False
    b, i = position_of(fn, op.event)
    if any(id(e) in receives for e in fn.blocks[b].events[i + 1:]):
        return True
    return any(id(e) in receives for k in blocks_from(fn, [s for s, _ in fn.blocks[b].succs])
               for e in fn.blocks[k].events)
