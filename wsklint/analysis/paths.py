"""Path-sensitive exploration of one function's CFG, for typestate rules.

A rule supplies a hashable state and a `step` function; the walker follows every path from a start
point, refines tracked NTSTATUS outcomes on branches (dropping infeasible paths), and reports each
distinct (block, state) once, so loops and diamonds terminate. The trace of the first path that
reached a state is kept for the finding.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Callable

from ..model import Event, Function, Loc
from . import status

STOP = object()


class Fork(tuple):
    """What `step` returns to split a path: alternatives ((state, facts, trace), ...), each continuing
    after the event (a call into a helper whose paths end differently, e.g. submitted or not)."""


@dataclass(frozen=True, slots=True)
class Facts:
    """Outcome sets of tracked status subjects, and variables that alias them.

    `items`: sorted ((key, frozenset of outcomes), ...); `aliases`: sorted ((variable path, key), ...),
    e.g. `st` -> `call:1234` after `st = Dispatch->WskSend(...)`.
    """
    items: tuple = ()
    aliases: tuple = ()
    consts: tuple = ()     # ((local variable, int value), ...) known on this path

    def const(self, name):
        for k, v in self.consts:
            if k == name:
                return v
        return None

    def with_const(self, name, value) -> Facts:
        c = dict(self.consts)
        if value is None:
            c.pop(name, None)
        else:
            c[name] = value
        return Facts(self.items, self.aliases, tuple(sorted(c.items())))

    def resolve(self, key):
        for k, v in self.aliases:
            if k == key:
                return v
        return key

    def get(self, key):
        key = self.resolve(key)
        for k, v in self.items:
            if k == key:
                return v
        return None

    def set(self, key, outcomes) -> Facts:
        key = self.resolve(key)
        d = dict(self.items)
        d[key] = outcomes
        return Facts(tuple(sorted(d.items())), self.aliases, self.consts)

    def alias(self, var, key) -> Facts:
        a = dict(self.aliases)
        a[var] = self.resolve(key)
        items = tuple(kv for kv in self.items if kv[0] != var)
        return Facts(items, tuple(sorted(a.items())), self.consts)

    def drop(self, var) -> Facts:
        return Facts(tuple(kv for kv in self.items if kv[0] != var),
                     tuple(kv for kv in self.aliases if kv[0] != var), self.consts)

    def tracks(self, key) -> bool:
        return self.get(key) is not None

    def refine(self, cons: dict) -> Facts | None:
        d = dict(self.items)
        for k, v in cons.items():
            k = self.resolve(k)
            if k in d:
                nv = d[k] & v
                if not nv:
                    return None
                d[k] = nv
        return Facts(tuple(sorted(d.items())), self.aliases, self.consts)


@dataclass(slots=True)
class Step:
    loc: Loc
    note: str


@dataclass
class Walk:
    """Callbacks: step(state, facts, event, trace) -> (state, facts, trace) | Fork | STOP;
    exit(state, facts, trace, ret_event)."""
    fn: Function
    step: Callable
    at_exit: Callable | None = None
    edge: Callable | None = None      # edge(state, block, succ id, label) -> state
    cond: Callable | None = None      # cond(state, facts, block, trace) -> (state, trace) | STOP: reads in
                                      # a branch condition, before the successors
    relay: Callable | None = None     # relay(call) -> (index, completed) | None: the call returns the status
                                      # passed at index (`st = Wait(ctx, st)`), completed: no longer pending
    max_visits: int = 20000
    # (split, join): split(state) -> (core, extras), extras a tuple of frozensets that only record what
    # a path did (nothing branches on them); join(core, extras) -> state. Once one point has been reached
    # in more than `widen_after` distinct states, states equal but for their extras are merged (extras
    # united) and visited in program order: a function calling many helpers that each may release
    # something otherwise has a path per subset of them.
    widen: tuple | None = None
    widen_after: int = 32
    visits: int = field(default=0, init=False)

    def run(self, block: int, index: int, state, facts: Facts = Facts(), trace: tuple = ()):
        seen = set()
        per_point: dict = {}
        merging: _Merging | None = None
        work = [(block, index, state, facts, trace, None)]
        blocks = self.fn.blocks
        raising = _raising(self.fn)
        while True:
            if merging is not None:
                item = merging.pop()
                if item is None:
                    return
                b, i, st, fx, tr, ret = item
            elif work:
                b, i, st, fx, tr, ret = work.pop()
                key = (b, i, st, fx)
                if key in seen:
                    continue
                seen.add(key)
                if self.widen is not None:
                    n = per_point[(b, i)] = per_point.get((b, i), 0) + 1
                    if n > self.widen_after:
                        merging = _Merging(self.fn, *self.widen)
                        for it in work:
                            merging.push(*it)
                        work = merging
            else:
                return
            self.visits += 1
            if self.visits > self.max_visits:
                return
            blk = blocks[b]
            stopped = False
            excs = raising.get(b)
            for j in range(i, len(blk.events)):
                ev = blk.events[j]
                if excs and ev.kind == "call":
                    # the handler is entered from the call that raised, before its effects
                    for s in excs:
                        work.append((s, 0, self.edge(st, blk, s, "exc") if self.edge is not None else st,
                                     fx, tr, ret))
                if ev.kind in ("assign", "decl"):
                    if fx.items:
                        fx = on_assign(fx, ev)
                    fx = self._track_const(fx, ev)
                elif ev.kind == "call" and self.relay is not None and fx.items:
                    fx = relay_status(fx, ev.expr, self.relay(ev.expr))
                res = self.step(st, fx, ev, tr)
                if res is STOP:
                    stopped = True
                    break
                if isinstance(res, Fork):
                    for s2, f2, t2 in res:
                        work.append((b, j + 1, s2, f2, t2, ev if ev.kind == "return" else ret))
                    stopped = True
                    break
                st, fx, tr = res
                if ev.kind == "return":
                    ret = ev
            if stopped:
                continue
            if self.cond is not None and blk.cond is not None:
                res = self.cond(st, fx, blk, tr)
                if res is STOP:
                    continue
                st, tr = res
            if b == self.fn.exit or not blk.succs:
                if self.at_exit is not None:
                    self.at_exit(st, fx, tr, ret)
                continue
            for succ, label in blk.succs:
                if excs and label == "exc":
                    continue
                nfx = fx
                if label in ("T", "F") and blk.cond is not None and fx.consts:
                    known = status.evaluate(blk.cond, fx.const)
                    if known is not None and known != (label == "T"):
                        continue
                if label in ("T", "F") and blk.cond is not None and fx.items:
                    cons = status.constraints(blk.cond, label == "T")
                    nfx = fx.refine(cons)
                    if nfx is None:
                        continue
                elif label.startswith("case:") and blk.cond is not None and fx.items:
                    key = status.subject_key(blk.cond)
                    if key is not None and fx.get(key) is not None:
                        try:
                            v = int(label[5:])
                        except ValueError:
                            v = None
                        if v is not None:
                            nfx = fx.refine(status.constraints(_eq(blk.cond, v), True))
                            if nfx is None:
                                continue
                nst = self.edge(st, blk, succ, label) if self.edge is not None else st
                work.append((succ, 0, nst, nfx, tr, ret))


    def _track_const(self, fx: Facts, ev) -> Facts:
        """Remember constants assigned to plain locals (`BOOLEAN registered = FALSE;`), so branches on
        them (`if (registered)`) prune infeasible paths."""
        tgt = ev.target.strip() if ev.target is not None else None
        if tgt is None or tgt.kind != "name" or tgt.name not in self.fn.locals:
            return fx
        if ev.op not in ("=", ""):
            return fx.with_const(tgt.name, None) if fx.const(tgt.name) is not None else fx
        v = ev.expr.strip().value if ev.expr is not None else None
        if v is None and ev.kind == "decl" and ev.expr is None:
            return fx
        return fx.with_const(tgt.name, v)


def _raising(fn: Function) -> dict:
    """Block id -> its `__try` handlers, for blocks with calls (a handler is entered from each call)."""
    out = {}
    for blk in fn.blocks:
        excs = [s for s, lab in blk.succs if lab == "exc"]
        if excs and any(e.kind == "call" for e in blk.events):
            out[blk.id] = excs
    return out


class _Merging:
    """The work list of a widening walk: one entry per (point, core state, facts) with the union of the
    extras that reached it, popped in program order so that a point is usually visited once, after
    everything that flows into it."""

    def __init__(self, fn: Function, split, join):
        self.split, self.join = split, join
        self.rank = _rpo(fn)
        self.heap: list = []
        self.pending: dict = {}
        self.done: dict = {}
        self.n = 0

    def append(self, item):
        self.push(*item)

    def push(self, b, i, st, fx, tr, ret):
        core, extra = self.split(st)
        mk = (b, i, core, fx)
        old = self.pending.get(mk)
        if old is not None:
            if all(e <= o for e, o in zip(extra, old)):
                return
            extra = tuple(e | o for e, o in zip(extra, old))
        self.pending[mk] = extra
        self.n += 1
        heapq.heappush(self.heap, (self.rank.get(b, len(self.rank)), i, self.n, mk, tr, ret))

    def pop(self):
        while self.heap:
            _, _, _, mk, tr, ret = heapq.heappop(self.heap)
            extra = self.pending[mk]
            if self.done.get(mk) == extra:     # unions only grow: equal means nothing new
                continue
            self.done[mk] = extra
            b, i, core, fx = mk
            return b, i, self.join(core, extra), fx, tr, ret
        return None


def _rpo(fn: Function) -> dict:
    """block id -> position in reverse postorder from the entry (program order, loops aside)."""
    order, seen = [], {fn.entry}
    stack = [(fn.entry, iter(fn.blocks[fn.entry].succs))]
    while stack:
        b, it = stack[-1]
        for succ, _ in it:
            if succ not in seen:
                seen.add(succ)
                stack.append((succ, iter(fn.blocks[succ].succs)))
                break
        else:
            order.append(b)
            stack.pop()
    return {b: k for k, b in enumerate(reversed(order))}


def _eq(subject, value):
    from ..model import Expr
    c = Expr("const", str(value), subject.loc, value=value)
    return Expr("binop", f"{subject.text} == {value}", subject.loc, op="==", kids=(subject, c))


def blocks_from(fn: Function, starts, avoid=(), within=None) -> set:
    """Ids of the blocks reachable from `starts` (themselves included) without entering a block of
    `avoid` or leaving the blocks of `within` (when given)."""
    def ok(b):
        return b not in avoid and (within is None or b in within)

    seen, stack = set(), [s for s in starts if ok(s)]
    while stack:
        b = stack.pop()
        if b not in seen:
            seen.add(b)
            stack.extend(s for s, _ in fn.blocks[b].succs if s not in seen and ok(s))
    return seen


def position_of(fn: Function, ev: Event) -> tuple[int, int] | None:
    for b in fn.blocks:
        for i, e in enumerate(b.events):
            if e is ev:
                return b.id, i
    return None


def track_call_status(fx: Facts, ev: Event, call_expr) -> tuple[Facts, str]:
    """Start tracking the status a call returns; returns the key to consult with `fx.get`."""
    key = f"call:{id(call_expr)}"
    return fx.set(key, status.ANY), key


def relay_status(fx: Facts, call, relay: tuple | None) -> Facts:
    """After a call that returns the status passed as its argument `relay[0]` (a helper taking a WSK
    call's status by value): the call's own status is the same subject (`st = Wait(ctx, st); if
    (NT_SUCCESS(st))` checks the request), and when `relay[1]` (the helper waited when it was pending)
    that status is no longer pending."""
    if relay is None or relay[0] >= len(call.args):
        return fx
    subj = status.subject_key(call.args[relay[0]])
    if subj is None or not fx.tracks(subj):
        return fx
    if relay[1]:
        fx = fx.set(subj, (fx.get(subj) - {status.PENDING}) or frozenset({status.OK, status.FAIL}))
    return fx.alias(f"call:{id(call)}", subj)


def on_assign(fx: Facts, ev: Event) -> Facts:
    """Keep status facts right across assignments: `st = call(...)` aliases `st` to the call,
    `st = Irp->IoStatus.Status` keeps `st` (the operation completed: no longer pending), a constant
    fixes the outcome, anything else ends what we knew of the variable."""
    if ev.kind not in ("assign", "decl") or ev.target is None or ev.expr is None or ev.op not in ("=", ""):
        return fx
    p = ev.target.path()
    if not p:
        return fx
    src = ev.expr.strip()
    if src.kind == "call":
        key = f"call:{id(src)}"
        return fx.alias(p, key) if fx.tracks(key) else (fx.drop(p) if fx.tracks(p) else fx)
    sp = src.path()
    if sp and fx.tracks(sp):
        return fx.alias(p, sp)
    if not fx.tracks(p):
        return fx
    if sp and sp.endswith("IoStatus.Status"):
        cur = fx.get(p) - {status.PENDING}
        return fx.set(p, cur or frozenset({status.OK, status.FAIL}))
    c = status.const_status(src)
    if c is not None:
        return fx.drop(p).set(p, status.outcome(c))
    return fx.drop(p)


def status_of(fx: Facts, expr) -> frozenset | None:
    if expr is None:
        return None
    key = status.subject_key(expr)
    return fx.get(key) if key else None
