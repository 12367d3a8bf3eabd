from __future__ import annotations

from ..analysis.buffers import blocks_of
from ..analysis.calls import is_const
from ..analysis.interproc import call_steps
from ..analysis.paths import blocks_from
from ..analysis.sends import (RECEIVES, STREAM_SENDS, Requests, buffer_length, iterates, loop_submissions, op_arg,
                              op_name, submits_in)
from .base import Rule, step

# A send smaller than this is below the maximum segment size on every IPv4 and IPv6 path (536 bytes
# is the IPv4 default MSS of RFC 1122; IPv6 paths allow at least 1220). Sends that small are
# messages (requests, control records), not bulk data, and carry no bandwidth to lose.
SMALL_SEND = 536


class OneSendInFlight(Rule):
    """Keep the ideal send backlog outstanding on stream sockets instead of one send at a time.

    ## What it does
    - Reports a loop whose every iteration submits a `WskSend` on a stream socket and then waits
      for that send to complete before the next one: a `KeWaitForSingleObject` on the event the
      send's completion routine signals (guarded by `== STATUS_PENDING` or not), a helper that
      waits for it, or a synchronous send wrapper (a function that submits the send and waits,
      followed through helpers and across files, with constant arguments taken into account; the
      IRP flow's "completed before the wrapper returns" also counts).
    - Reports (as a note) a driver that sends stream data in a loop but never queries
      `SIO_WSK_QUERY_IDEAL_SEND_BACKLOG` nor enables `WSK_EVENT_SEND_BACKLOG`.

    ## Why is this bad?
    WSK buffers nothing on send: `WskSend` completes only when the transport has sent the data. A
    loop that waits for each send keeps one buffer in flight, so it moves one buffer per round trip,
    far below the connection's bandwidth-delay product. The ideal send backlog (ISB) is the amount
    of data that must be outstanding to fill the path; without knowing it a driver cannot size the
    number of sends it keeps pending.

    ## Example
    ```c
    for (;;) {                                       /* one 2 KB send in flight at a time */
        st = conn->WskSend(s, &chunk, 0, irp);
        if (st == STATUS_PENDING) KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, NULL);
        NextChunk(&chunk);
    }
    ```

    ## Use instead
    Query the ISB once the socket is connected (`WskControlSocket(s, WskIoctl,
    SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, ...)`) or enable `WSK_EVENT_SEND_BACKLOG` and track
    `WskSendBacklogEvent`. Keep N sends of S bytes pending, each with its own IRP and context, with
    N x S close to the ISB, and submit the next send when one completes (from a work item, not from
    the IoCompletion routine).

    ## Known limitations
    Loops whose iteration also receives on a socket (request/response protocols, control
    channels) are not reported, nor are sends whose length is a constant below 536 bytes (small
    messages: see WSK035), nor loops that send the same data again (retries: nothing in the
    iteration changes the buffer or the arguments of the sending helper). A wait counts as waiting for the send when it is guarded by the send's
    STATUS_PENDING, or waits on the send IRP's completion context or a sibling of the IRP in the
    same structure; other waits are not attributed to the send. Loops where an iteration can go on
    to the next without sending (a handshake or shutdown token exchange that sends only when the
    security package produced a token) are not reported.

    ## References
    - [PFN_WSK_SEND](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send)
    - [SIO_WSK_QUERY_IDEAL_SEND_BACKLOG](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/sio-wsk-query-ideal-send-backlog)
    - [PFN_WSK_SEND_BACKLOG_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_backlog_event)
    - [Using Winsock Kernel Functions vs. Event Callback Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-winsock-kernel-functions-vs--event-callback-functions)
    - [SIO_IDEAL_SEND_BACKLOG_QUERY (Win32)](https://learn.microsoft.com/en-us/windows/win32/winsock/sio-ideal-send-backlog-query)
    """

    code = "WSK034"
    name = "one-send-in-flight"
    category = "performance"
    severity = "warning"
    precision = "medium"
    help = ("Keep N sends of S bytes pending with N x S close to the ideal send backlog "
            "(SIO_WSK_QUERY_IDEAL_SEND_BACKLOG, or WSK_EVENT_SEND_BACKLOG and WskSendBacklogEvent), each with "
            "its own IRP and context, and refill from the completion path through a work item.")

    def check(self, program):
        sends, receives = Requests(program, STREAM_SENDS), Requests(program, RECEIVES)
        bulk, warned = [], False
        for fn in program.functions.values():
            if fn.key in program.provider_functions or not fn.loops:
                continue
            blocks = blocks_of(fn)
            for loop in fn.loops:
                if not iterates(fn, loop) or submits_in(program, receives, fn, loop):
                    continue            # request/response and control protocols receive in the loop
                varying = _varying(fn, loop)
                for site in loop_submissions(program, sends, fn, loop, skip=_small):
                    if not _advances(site.ev, fn, varying):
                        continue        # the same data again: a retry loop, not a stream
                    if not _every_iteration(fn, loop, blocks[id(site.ev)].id):
                        continue        # iterations that may not send: a handshake or token exchange
                    if site.waits:
                        warned = True
                        yield self.report(site.ev.loc, "Each iteration of this loop submits a stream send and waits "
                                          "for it to complete before the next: one send buffer is in flight per "
                                          "round trip, far below the connection's bandwidth-delay product", fn=fn,
                                          trace=site.trace, anchor=f"send-wait loop {site.ev.expr.text}")
                        break
                    bulk.append((fn, loop, site))
        if bulk and not warned and not _knows_backlog(program):
            fn, loop, site = bulk[0]
            trace = [step(loop.loc, f"loop in {fn.name}"), step(site.ev.loc, "submits a stream send without waiting")]
            trace += call_steps(site.chain)
            yield self.report(site.ev.loc, "Stream data is sent in a loop, but the driver never queries "
                              "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG nor enables WSK_EVENT_SEND_BACKLOG: it cannot size "
                              "the data it keeps in flight to the connection's ideal send backlog", fn=fn, trace=trace,
                              anchor=f"backlog {site.ev.expr.text}", severity="note")


def _every_iteration(fn, loop, bid: int) -> bool:
    """Whether every iteration that goes on to the next one passes block `bid`."""
    if bid == loop.head:
        return True
    inside = set(loop.body) | {loop.head}
    starts = [s for s, _ in fn.blocks[loop.head].succs]
    return loop.head not in blocks_from(fn, starts, avoid={bid}, within=inside)


def _varying(fn, loop) -> set:
    """Access paths an iteration changes: assignment targets in the body, and the plain variables of the
    loop condition (the model has no events for `i++`)."""
    out = {ev.target.path() for b in loop.body for ev in fn.blocks[b].events
           if ev.kind in ("assign", "decl") and ev.target is not None and ev.target.path()}
    cond = fn.blocks[loop.head].cond
    if cond is not None:
        out |= {n.name for n in cond.walk() if n.kind == "name" and n.name in fn.locals}
    return out


def _advances(ev, fn, varying) -> bool:
    """Whether the data a send (or a helper call that sends) is given changes between iterations."""
    call = ev.expr
    buf = op_arg(call, fn, "Buffer")
    exprs = [buf] if buf is not None else list(call.args)
    for e in exprs:
        p = e.strip().path() or ""
        p = p.lstrip("&*")
        if any(n.kind == "name" and n.name in varying for n in e.walk()):
            return True
        if p and any(v == p or v.startswith(p + ".") or v.startswith(p + "->") for v in varying):
            return True
    return False


def _small(fn, ev, facts) -> bool:
    n = buffer_length(fn, op_arg(ev.expr, fn, "Buffer"), facts)
    return n is not None and n < SMALL_SEND


def _knows_backlog(program) -> bool:
    if program.functions_with_role("event:WskSendBacklogEvent"):
        return True
    if any(_names_backlog(g.init) for gs in program.globals.values() for g in gs):
        return True
    for fn in program.functions.values():
        for _, ev in fn.events():
            if ev.kind == "call" and op_name(ev.expr, fn) == "WskControlSocket":
                code = op_arg(ev.expr, fn, "ControlCode")
                if is_const(code, "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG") or is_const(code, "SIO_IDEAL_SEND_BACKLOG_QUERY"):
                    return True
            if _names_backlog(ev.expr):
                return True
    return False


def _names_backlog(e) -> bool:
    return e is not None and any(n.macro == "WSK_EVENT_SEND_BACKLOG" or n.name == "WSK_EVENT_SEND_BACKLOG"
                                 for n in e.walk())
