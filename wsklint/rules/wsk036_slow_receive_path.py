from __future__ import annotations

from ..analysis.interproc import call_chains, call_steps
from ..analysis.paths import blocks_from
from ..analysis.sends import RECEIVES, STREAM_SENDS, Requests, iterates, loop_submissions, op_name, submits_in
from ..knowledge.cost import HEAVY_CALLS
from .base import Rule, role_step, step

RECEIVE_EVENTS = ("event:WskReceiveEvent", "event:WskReceiveFromEvent")


class SlowReceivePath(Rule):
    """Keep receive callbacks short and keep more than one receive request queued.

    ## What it does
    - Reports (as a note) a `WskReceiveEvent` / `WskReceiveFromEvent` callback from which heavy
      per-byte work is reachable through direct calls: encryption, hashing, key derivation and
      compression routines (`knowledge/cost.py`).
    - Reports (as a note) a loop that submits `WskReceive` / `WskReceiveFrom` and waits for that
      request before the next one, in a driver without receive callbacks: the socket has exactly one
      receive in flight.

    ## Why is this bad?
    WSK calls a receive callback serially, at IRQL up to DISPATCH_LEVEL; while it runs, further
    indications wait, datagrams are dropped and a long callback risks the DPC watchdog. Receive
    requests are the alternative, but with a single request queued data arriving between its
    completion and the next submission has nowhere to go.

    ## Example
    ```c
    NTSTATUS OnRecvFrom(PVOID c, ULONG f, PWSK_DATAGRAM_INDICATION di) {
        DecryptAndRouteEverything(c, di);       /* BCryptDecrypt per datagram at DISPATCH */
        return STATUS_SUCCESS;
    }
    ```

    ## Use instead
    Copy the data into a pre-allocated non-paged ring (or retain the indications and return
    STATUS_PENDING), queue a worker and return. With receive requests, keep two or more posted per
    socket and repost each from its completion (through a work item).

    ## Known limitations
    Data planes that process in order inline and batch are not reported: a callback (or a helper on
    the way) that walks the indication list in a loop and hands the collected batch on after the
    loop. Call-graph size is not used as a signal: on real data planes it measures their intended
    batched processing. A single receive re-posted from its own completion routine is not detected.

    ## References
    - [Using Winsock Kernel Functions vs. Event Callback Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-winsock-kernel-functions-vs--event-callback-functions)
    - [Winsock Kernel Events](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/winsock-kernel-events)
    - [PFN_WSK_RECEIVE_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_event)
    """

    code = "WSK036"
    name = "slow-receive-path"
    category = "performance"
    severity = "warning"
    precision = "low"
    help = ("In receive callbacks copy the data out (or retain the indication), queue a worker for the heavy work "
            "and return; with receive requests keep two or more posted per socket.")

    def check(self, program):
        callbacks = {}
        for kind in RECEIVE_EVENTS:
            for fn, role in program.functions_with_role(kind):
                callbacks.setdefault(fn.key, (fn, role))
        for fn, role in callbacks.values():
            yield from self._heavy(program, fn, role)
        if not callbacks:
            yield from self._single_receive(program)

    def _heavy(self, program, cb, role):
        for chain, fn, ev in call_chains(program, cb, _heavy_call):
            if any(_batches(f) for f in [f for f, _ in chain] + [fn]):
                return
            what = HEAVY_CALLS[ev.expr.name]
            first = chain[0][1] if chain else ev
            trace = [role_step(role, cb)] + call_steps(chain)
            trace.append(step(ev.loc, f"{ev.expr.name}: {what} inside the receive callback"))
            yield self.report(first.loc, f"The receive callback {cb.name} does {what} inline ({ev.expr.name}); WSK "
                              "delivers further indications only after it returns", fn=cb, trace=trace,
                              anchor=f"heavy receive {cb.name} {ev.expr.name}", severity="note")
            return

    def _single_receive(self, program):
        receives, sends = Requests(program, RECEIVES), Requests(program, STREAM_SENDS)
        for fn in program.functions.values():
            if fn.key in program.provider_functions:
                continue
            for loop in fn.loops:
                if not iterates(fn, loop) or submits_in(program, sends, fn, loop):
                    continue                # request/response
                for site in loop_submissions(program, receives, fn, loop):
                    if site.waits:
                        yield self.report(site.ev.loc, "Each iteration of this loop waits for its receive before "
                                          "submitting the next: the socket has one receive in flight and no receive "
                                          "callback", fn=fn, trace=site.trace,
                                          anchor=f"single receive {site.ev.expr.text}", severity="note")
                        break


def _heavy_call(ev, fn) -> bool:
    return ev.kind == "call" and ev.expr.op == "direct" and ev.expr.name in HEAVY_CALLS


def _batches(fn) -> bool:
    """Whether `fn` walks a list in a loop and hands what it collected on after the loop (in-order batch
    processing of an indication list)."""
    taken = {n.kids[0].strip().name for _, ev in fn.events() for e in (ev.expr, ev.target) if e is not None
             for n in e.walk() if n.kind == "unop" and n.op == "&" and n.kids and n.kids[0].strip().kind == "name"}
    for loop in fn.loops:
        if not iterates(fn, loop):
            continue
        body = [ev for b in sorted(loop.body | {loop.head}) for ev in fn.blocks[b].events]
        walkers = {ev.target.strip().name for ev in body if ev.kind in ("assign", "decl") and ev.expr is not None
                   and ev.target is not None and ev.target.strip().kind == "name" and _next_of(ev.expr)}
        if not walkers:
            continue
        collected = {ev.target.strip().name for ev in body if ev.kind in ("assign", "decl") and ev.target is not None
                     and ev.target.strip().kind == "name"} - walkers
        collected |= {t for t in taken if t in fn.locals} - walkers
        for ev in _after(fn, loop):
            if ev.kind == "call" and not op_name(ev.expr, fn) and any(
                    n.kind == "name" and n.name in collected for a in ev.expr.args for n in a.walk()):
                return True
    return False


def _next_of(e) -> bool:
    e = e.strip()
    return e.kind == "member" and e.name in ("Next", "Flink")


def _after(fn, loop):
    """Events in blocks reached from the loop's exits (outside the loop)."""
    inside = set(loop.body) | {loop.head}
    for b in blocks_from(fn, [s for b in inside for s, _ in fn.blocks[b].succs], avoid=inside):
        yield from fn.blocks[b].events
