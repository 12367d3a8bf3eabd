"""Interprocedural helpers over direct calls: must-reach summaries and call chains."""
from __future__ import annotations

from collections import deque
from typing import Callable

from ..model import Event, Function
from ..program import Program
from . import status
from .paths import STOP, Facts, Step, Walk, track_call_status

Pred = Callable[[Event, Function], bool]


class MustReach:
    """`holds(fn)`: every path through `fn` performs an event matching `pred` (directly or in a callee
    that itself always does). Recursion is assumed not to help (cycles answer False)."""

    def __init__(self, program: Program, pred: Pred):
        self.program = program
        self.pred = pred
        self.memo: dict[str, bool] = {}

    def holds(self, fn: Function) -> bool:
        if fn.key in self.memo:
            return self.memo[fn.key]
        self.memo[fn.key] = False
        self.memo[fn.key] = self.witness(fn) is None
        return self.memo[fn.key]

    def event_satisfies(self, ev: Event, fn: Function) -> bool:
        if self.pred(ev, fn):
            return True
        if ev.kind == "call":
            callee = self.program.callee(ev.expr, fn)
            if callee is not None and callee.blocks and self.holds(callee):
                return True
        return False

    def witness(self, fn: Function, start: tuple[int, int] | None = None) -> list | None:
        """A path (trace steps) from `start` (default: entry) to the exit that never satisfies pred."""
        found = []

        def step(st, fx, ev, tr):
            if self.event_satisfies(ev, fn):
                return STOP
            return st, fx, tr

        def at_exit(st, fx, tr, ret):
            if not found:
                found.append((ret.loc if ret is not None else None))

        b, i = start if start else (fn.entry, 0)
        Walk(fn, step, at_exit).run(b, i, None, Facts())
        if not found:
            return None
        loc = found[0]
        return [Step(loc, "returns here")] if loc is not None else [Step(fn.loc, "falls off the end")]


    def held_exit(self, fn: Function, ev: Event, note: str):
        """The first path through `fn` that leaves it after the call `ev` without a matching event, on
        which that call may have succeeded (a capture or allocation still held): (return event or None,
        trace from `note` at `ev`), or None."""
        found = []

        def step(key, fx, e, tr):
            if e is ev:
                fx, key = track_call_status(fx, e, e.expr)
                return key, fx, tr + (Step(e.loc, note),)
            if key is not None and e.kind == "call" and self.event_satisfies(e, fn):
                return STOP
            return key, fx, tr

        def at_exit(key, fx, tr, ret):
            if key is not None and (fx.get(key) or status.ANY) & status.SUCCESS:
                found.append((ret, tr))

        Walk(fn, step, at_exit).run(fn.entry, 0, None, Facts())
        return found[0] if found else None


def direct_targets(program: Program) -> Callable:
    """`targets(call, fn)` over direct calls: the callee when it has a body here."""
    def targets(call, fn):
        callee = program.callee(call, fn)
        return [callee] if callee is not None and callee.blocks else []
    return targets


def call_chains(program: Program, start: Function, pred: Pred, max_depth: int = 12, targets=None):
    """Yield (chain, fn, event) for events matching `pred` reachable from `start` through the calls
    `targets(call, fn)` resolves (direct calls by default).

    `chain` is [(caller Function, call Event), ...] from `start` to `fn`. Each function is entered once
    (the shortest chain wins), so the search is linear in the program size.
    """
    targets = targets or direct_targets(program)
    seen = {start.key}
    queue = deque([(start, [])])
    while queue:
        fn, chain = queue.popleft()
        for _, ev in fn.events():
            if pred(ev, fn):
                yield chain, fn, ev
            if ev.kind == "call" and len(chain) < max_depth:
                for callee in targets(ev.expr, fn):
                    if callee.key not in seen:
                        seen.add(callee.key)
                        queue.append((callee, chain + [(fn, ev)]))


def call_steps(chain) -> list[Step]:
    """Trace steps for a call chain [(caller, call event), ...]: 'F calls G' at each call."""
    return [Step(ev.loc, f"{fn.name} calls {ev.expr.name}") for fn, ev in chain]


def chain_steps(chain, last_fn: Function, last_ev: Event, last_note: str) -> list[Step]:
    steps = call_steps(chain)
    steps.append(Step(last_ev.loc, last_note))
    return steps


def reaching(program: Program, pred: Pred) -> set[str]:
    """Keys of the functions from which a call event matching `pred` is reachable through direct calls
    (one backward pass over the call graph, so each query is a set lookup)."""
    out = {fn.key for fn in program.functions.values() if any(pred(ev, fn) for _, ev in fn.calls())}
    work = list(out)
    while work:
        for c, _, _ in program.callers.get(work.pop(), ()):
            if c.key not in out:
                out.add(c.key)
                work.append(c.key)
    return out


def reachable(program: Program, starts: list[Function], max_depth: int = 12) -> dict[str, list]:
    """Functions reachable from `starts` through direct calls: key -> chain [(caller, call event)]."""
    out: dict[str, list] = {s.key: [] for s in starts}
    queue = deque(starts)
    while queue:
        fn = queue.popleft()
        chain = out[fn.key]
        if len(chain) >= max_depth:
            continue
        for _, ev in fn.calls():
            callee = program.callee(ev.expr, fn)
            if callee is not None and callee.key not in out and callee.blocks:
                out[callee.key] = chain + [(fn, ev)]
                queue.append(callee)
    return out
