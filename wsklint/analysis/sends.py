"""Submitting a WSK operation and waiting for it: which waits wait for which request, synchronous
wrappers, and what one loop iteration does.

A wait is *for* a submitted request when, on the path after the submission,
- it runs only while the request's status is STATUS_PENDING (`if (st == STATUS_PENDING) KeWait...`), or
- the waited object belongs with the request's IRP: the event passed as the IRP's completion context
  (`IoSetCompletionRoutine(irp, R, &ev, ...)`), or a sibling field of the IRP (`ctx->Event` and
  `ctx->Irp`), or a helper that may wait is handed the IRP's container (`WaitFor(&sock->Async)`) or
  the status variable (`WaitFor(ctx, &st)`).
A second submission of the same kind before the wait means several requests are in flight: that
path is not a send-then-wait.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..knowledge import wsk
from ..model import Event, Function
from .calls import wsk_name
from .interproc import call_chains, call_steps, reaching
from .paths import STOP, Facts, Step, Walk, blocks_from, position_of, track_call_status
from . import status

WAITS = frozenset({"KeWaitForSingleObject", "KeWaitForMultipleObjects", "KeWaitForMutexObject"})
STREAM_SENDS = frozenset({"WskSend"})                      # only connection and stream sockets have it
RECEIVES = frozenset({"WskReceive", "WskReceiveFrom"})


def op_name(call, fn: Function) -> str | None:
    """The WSK function a call reaches: `Dispatch->WskSend(...)`, or a local function pointer loaded
    from a provider dispatch table (`PFN_WSK_SEND send = disp->WskSend; send(...)`)."""
    n = wsk_name(call)
    if n or call.op != "pointer" or call.name not in fn.locals:
        return n
    found = set()
    for _, ev in fn.events():
        if ev.kind in ("assign", "decl") and ev.expr is not None and ev.target is not None \
                and ev.target.strip().path() == call.name:
            src = ev.expr.strip()
            if src.kind == "member" and src.name.startswith("Wsk"):
                found.add(src.name)
            elif src.value != 0:
                return None
    return found.pop() if len(found) == 1 else None


def op_arg(call, fn: Function, param: str):
    """The argument for `param` of the WSK function `call` reaches (see `op_name`)."""
    params = wsk.PROVIDER_FUNCTIONS.get(op_name(call, fn) or "", ())
    if param not in params:
        return None
    i = params.index(param)
    return call.args[i] if i < len(call.args) else None


def is_wait(call) -> bool:
    return call.kind == "call" and call.op == "direct" and call.name in WAITS


def _base(p: str) -> str:
    for sep in ("->", "."):
        i = p.rfind(sep)
        if i > 0:
            return p[:i]
    return ""


def _clean(p: str | None) -> str | None:
    return p.lstrip("&*") if p else p


def linked(obj: str | None, irp: str | None) -> bool:
    """Whether a waited object (or a helper argument) belongs with an IRP: the same object, the IRP's
    container (`sock->Async` for `sock->Async.Irp`), or a sibling field (`ctx->Event`, `ctx->Irp`)."""
    obj, irp = _clean(obj), _clean(irp)
    if not obj or not irp:
        return False
    if obj == irp or irp.startswith(obj + "->") or irp.startswith(obj + "."):
        return True
    b = _base(obj)
    return bool(b) and b == _base(irp)


class Requests:
    """Submission-and-wait facts for one family of WSK operations (`names`), over a whole program."""

    def __init__(self, program, names=STREAM_SENDS):
        self.program = program
        self.names = frozenset(names)
        self._sync: dict = {}
        self._may_wait: dict = {}
        self._submits: dict = {}

    # -- what a function may do ---------------------------------------------------------------------
    def may_wait(self, fn: Function) -> list | None:
        """A call chain from `fn` to a wait (KeWait*), or None."""
        return self._chain(fn, self._may_wait, self._waiters, lambda e, _f: e.kind == "call" and is_wait(e.expr))

    def submits(self, fn: Function) -> list | None:
        """A call chain from `fn` to a submission of one of `names`, or None."""
        return self._chain(fn, self._submits, self._submitters,
                           lambda e, f2: e.kind == "call" and op_name(e.expr, f2) in self.names)

    def _chain(self, fn, memo, reachers, pred):
        if fn.key not in memo:
            memo[fn.key] = None
            if fn.key in reachers:
                for chain, f, ev in call_chains(self.program, fn, pred):
                    memo[fn.key] = chain + [(f, ev)]
                    break
        return memo[fn.key]

    @cached_property
    def _waiters(self) -> set:
        return reaching(self.program, lambda e, f: is_wait(e.expr))

    @cached_property
    def _submitters(self) -> set:
        return reaching(self.program, lambda e, f: op_name(e.expr, f) in self.names)

    def is_op(self, ev: Event, fn: Function) -> bool:
        return ev.kind == "call" and op_name(ev.expr, fn) in self.names

    # -- the wait for one submission -----------------------------------------------------------------
    def _irps(self, ev: Event, fn: Function) -> list:
        """Paths that identify the request submitted by `ev`: its IRP (and the completion context set
        on that IRP in this function), or for a helper every argument it is given."""
        call = ev.expr
        if self.is_op(ev, fn):
            irp = op_arg(call, fn, "Irp")
            p = irp.path() if irp is not None else None
            if p is None:
                return []
            out = [p]
            for _, e in fn.calls():
                c = e.expr
                if c.name in ("IoSetCompletionRoutine", "IoSetCompletionRoutineEx") and c.op == "direct" \
                        and c.args and c.args[0].path() == p:
                    k = 2 if c.name == "IoSetCompletionRoutine" else 3
                    if k < len(c.args) and c.args[k].path():
                        out.append(c.args[k].path())
            return out
        return [a.path() for a in call.args if a.path()]

    def wait_after(self, fn: Function, ev: Event, loop=None, facts: Facts = Facts()):
        """The first wait for the request `ev` submits, on some path after it (within one iteration of
        `loop` when given), as (wait event, chain into a waiting helper) or None."""
        pos = position_of(fn, ev)
        if pos is None:
            return None
        irps = self._irps(ev, fn)
        found = []

        def step(st, fx, e, tr):
            if st == "out":
                return STOP
            if e is ev:
                fx, key = track_call_status(fx, e, e.expr)
                return key, fx, tr
            if e.kind != "call" or st is None:
                return st, fx, tr
            call = e.expr
            if self.is_op(e, fn) or self._helper_submits(call, fn):
                return STOP                     # another request before the wait: several in flight
            pending = fx.get(st) == frozenset({status.PENDING})
            if is_wait(call):
                obj = call.args[0].path() if call.args else None
                if pending or any(linked(obj, p) for p in irps):
                    found.append((e, []))
                    return STOP
                return st, fx, tr
            callee = self.program.callee(call, fn)
            if callee is not None and callee.blocks:
                chain = self.may_wait(callee)
                if chain and (pending or any(linked(a.path(), p) for a in call.args for p in irps)
                              or any(_status_ref(a, fx, st) for a in call.args)):
                    found.append((e, chain))
                    return STOP
            return st, fx, tr

        def edge(st, blk, succ, label):
            if loop is not None and (succ == loop.head or succ not in loop.body):
                return "out"
            return st

        Walk(fn, step, None, edge).run(pos[0], pos[1], None, facts)
        return found[0] if found else None

    def _helper_submits(self, call, fn) -> bool:
        callee = self.program.callee(call, fn)
        return callee is not None and bool(callee.blocks) and self.submits(callee) is not None

    # -- synchronous wrappers --------------------------------------------------------------------------
    def sync(self, fn: Function, consts: tuple = ()) -> Sync | None:
        """How `fn` (with parameters fixed to `consts`) submits one of `names` and waits for it before
        returning, or None."""
        key = (fn.key, consts)
        if key in self._sync:
            return self._sync[key]
        self._sync[key] = None
        if fn.key not in self._submitters:
            return None
        facts = Facts(consts=consts)
        for blk, ev in fn.calls():
            call = ev.expr
            # a wrapper that loops waits for a request in the iteration that submitted it
            loop = min((lp for lp in fn.loops if blk.id in lp.body and iterates(fn, lp)),
                       key=lambda lp: len(lp.body), default=None)
            if self.is_op(ev, fn):
                if not feasible(fn, ev, facts):
                    continue
                w = self.wait_after(fn, ev, loop, facts=facts) or self._irpflow_wait(fn, ev, loop)
                if w is not None:
                    self._sync[key] = Sync(_steps(fn, ev, w), fn, ev, facts)
                    break
                continue
            callee = self.program.callee(call, fn)
            if callee is None or callee.key not in self._submitters or not feasible(fn, ev, facts):
                continue
            inner = self.sync(callee, bind(callee, call, facts))
            if inner is not None:
                steps = [Step(ev.loc, f"{fn.name} calls {callee.name}")] + inner.steps
                self._sync[key] = Sync(steps, inner.fn, inner.ev, inner.facts)
                break
            sub = self.submits(callee)
            if sub is not None:
                w = self.wait_after(fn, ev, loop, facts=facts)
                if w is not None:
                    self._sync[key] = Sync(_steps(fn, ev, w, via=callee), sub[-1][0], sub[-1][1], Facts())
                    break
        return self._sync[key]


    def _irpflow_wait(self, fn, ev, loop):
        """The IRP flow's verdict for a request whose wait this module cannot attribute (an event the
        completion routine signals that is neither its context nor a sibling of the IRP): completed
        before `fn` returns on every path. Not used inside loops, where it says nothing about the
        iteration."""
        if loop is not None or self.program.irpflow.synchronous(fn, ev) is not True:
            return None
        return ev, []


@dataclass
class Sync:
    """A synchronous submission: the trace, and the WSK call it ends in (with the constants known there)."""
    steps: list
    fn: Function
    ev: Event
    facts: Facts


def _status_ref(a, fx: Facts, key) -> bool:
    """`&st` where `st` holds the submitted request's status, or that status by value (`st`, or the WSK
    call itself: `Wait(ctx, Dispatch->WskSend(...))`)."""
    a = a.strip()
    if a.kind == "unop" and a.op == "&" and a.kids:
        p = a.kids[0].path()
        return p is not None and fx.resolve(p) == key
    s = status.subject_key(a)
    return s is not None and fx.resolve(s) == key


def _steps(fn, ev, w, via=None) -> list:
    wait_ev, chain = w
    what = f"{fn.name} submits the request through {via.name}" if via else f"{fn.name} submits {ev.expr.name}"
    out = [Step(ev.loc, what)]
    if wait_ev is ev:
        out.append(Step(ev.loc, f"and waits for it to complete before {fn.name} returns"))
    elif chain:
        out.append(Step(wait_ev.loc, f"and waits for it in {wait_ev.expr.name}"))
        out.extend(call_steps(chain[:-1]))
        out.append(Step(chain[-1][1].loc, "waits here"))
    else:
        out.append(Step(wait_ev.loc, "and waits for it to complete"))
    return out


def bind(callee: Function, call, facts: Facts) -> tuple:
    """Constant arguments of `call` as (parameter, value) pairs, for parameters `callee` never assigns."""
    assigned = {ev.target.root() for _, ev in callee.events() if ev.kind == "assign" and ev.target is not None}
    out = []
    for p, a in zip(callee.params, call.args):
        if p.name in assigned:
            continue
        a = a.strip()
        v = a.value if a.value is not None else (facts.const(a.name) if a.kind == "name" else None)
        if v is not None:
            out.append((p.name, v))
    return tuple(sorted(out))


def feasible(fn: Function, ev: Event, facts: Facts) -> bool:
    """Whether `ev` is reachable from the entry of `fn` under the parameter constants in `facts`."""
    if not facts.consts:
        return True
    hit = []

    def step(st, fx, e, tr):
        if e is ev:
            hit.append(True)
            return STOP
        return st, fx, tr

    w = Walk(fn, step)
    w.run(fn.entry, 0, None, facts)
    return bool(hit)


def iterates(fn: Function, loop) -> bool:
    """Whether the loop can run its body more than once (`do { ... } while (0)` cannot)."""
    starts = [s for s, _ in fn.blocks[loop.head].succs]
    return loop.head in blocks_from(fn, starts, within=set(loop.body) | {loop.head})


def buffer_length(fn: Function, buf, facts: Facts = Facts()) -> int | None:
    """The constant `Length` of the WSK_BUF an argument designates (see `field_value`)."""
    return field_value(fn, buf, "Length", facts)


def field_value(fn: Function, ref, field: str, facts: Facts = Facts()) -> int | None:
    """The constant a structure field holds when the structure is passed as `ref` (`&buf` or `pbuf`):
    every assignment of that field in `fn` (and the initialiser) gives the same constant, else None."""
    if ref is None:
        return None
    b = ref.strip()
    if b.kind == "unop" and b.op == "&" and b.kids:
        var = b.kids[0].path()
        path = f"{var}.{field}" if var else None
    else:
        var, path = None, (f"{b.path()}->{field}" if b.path() else None)
    if path is None:
        return None
    values = set()
    for _, ev in fn.events():
        if ev.target is None or ev.expr is None:
            continue
        if ev.kind == "assign" and ev.target.path() == path:
            values.add(_int(ev.expr, facts) if ev.op == "=" else None)
        elif ev.kind == "decl" and var and ev.target.path() == var and ev.expr.kind == "init":
            for item in ev.expr.kids:
                if item.name == field and item.kids:
                    values.add(_int(item.kids[0], facts))
    return values.pop() if len(values) == 1 else None


def _int(e, facts: Facts) -> int | None:
    e = e.strip()
    if e.value is not None:
        return e.value
    return facts.const(e.name) if e.kind == "name" else None


@dataclass
class Site:
    """A submission in one loop iteration: the call in the loop, whether the iteration then waits for
    that request (with the trace that shows it), and the call chain down to the WSK call."""
    ev: Event
    waits: bool
    trace: list
    chain: list


def loop_submissions(program, reqs: Requests, fn: Function, loop, skip=None):
    """The submissions of `reqs` in `loop`'s body, in block order. `skip(fn, call event, facts)` drops a
    submission (the WSK call with the constants known there)."""
    skip = skip or (lambda f, e, fx: False)
    head = Step(loop.loc, f"loop in {fn.name}")
    for bid in sorted(loop.body):
        for ev in fn.blocks[bid].events:
            if ev.kind != "call":
                continue
            call = ev.expr
            if reqs.is_op(ev, fn):
                if skip(fn, ev, Facts()):
                    continue
                w = reqs.wait_after(fn, ev, loop)
                if w is None:
                    yield Site(ev, False, [], [])
                    continue
                wait_ev, chain = w
                trace = [head, Step(ev.loc, f"submits {op_name(call, fn)}"),
                         Step(wait_ev.loc, "waits for it in the same iteration")]
                trace += call_steps(chain)
                yield Site(ev, True, trace, [])
                continue
            callee = program.callee(call, fn)
            if callee is None or not callee.blocks:
                continue
            sync = reqs.sync(callee, bind(callee, call, Facts()))
            if sync is not None:
                if not skip(sync.fn, sync.ev, sync.facts):
                    yield Site(ev, True, [head, Step(ev.loc, f"calls {callee.name}")] + sync.steps, [])
                continue
            chain = reqs.submits(callee)
            if chain is None or skip(*_through(program, ev, callee, chain)):
                continue
            w = reqs.wait_after(fn, ev, loop)
            if w is None:
                yield Site(ev, False, [], chain)
                continue
            yield Site(ev, True, [head, Step(ev.loc, f"submits {chain[-1][1].expr.name} through {callee.name}"),
                                  Step(w[0].loc, "waits for it in the same iteration")], chain)


def submits_in(program, reqs: Requests, fn: Function, loop) -> bool:
    """Whether an iteration of `loop` submits one of `reqs`: directly, or through a helper that (with the
    constant arguments it is given) submits one and waits for it."""
    for bid in loop.body:
        for ev in fn.blocks[bid].events:
            if ev.kind != "call":
                continue
            if reqs.is_op(ev, fn):
                return True
            callee = program.callee(ev.expr, fn)
            if callee is not None and callee.blocks and reqs.submits(callee) is not None \
                    and reqs.sync(callee, bind(callee, ev.expr, Facts())) is not None:
                return True
    return False


def _through(program, ev, callee, chain):
    """(function, WSK call event, facts) at the end of `chain`, with the constant arguments of `ev`
    bound along the way."""
    facts = Facts(consts=bind(callee, ev.expr, Facts()))
    for f, e in chain[:-1]:
        nxt = program.callee(e.expr, f)
        if nxt is None:
            break
        facts = Facts(consts=bind(nxt, e.expr, facts))
    f, e = chain[-1]
    return f, e, facts
