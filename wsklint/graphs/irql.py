"""IRQL inference over the call graph.

Each function gets an entry interval [lo, hi] on the lattice PASSIVE < APC < DISPATCH: `hi` is the
highest IRQL it may run at, `lo` the lowest. Sources:

- roles: event callbacks, completion routines, framework timers and NDIS send/return handlers
  [PASSIVE, DISPATCH]; DPCs, timer routines and cancel routines [DISPATCH, DISPATCH]; DriverEntry,
  unload, AddDevice, PnP start, IRP dispatch, work items and system threads [PASSIVE, PASSIVE];
- SAL on the driver's own functions: `_IRQL_requires_(X)` [X, X] and `_IRQL_requires_min_(X)` are
  facts. `_IRQL_requires_max_(X)` is a contract: a caller above X violates it, and the caller's IRQL
  does not flow past it into the body; it seeds [PASSIVE, X] only for functions nothing in the driver
  calls (a library's entry points), because annotations state the bound generously;
- callers: a callee's interval joins (lo = min, hi = max) the intervals at its call sites, over
  direct and function-pointer calls (never over registrations: a work item does not run in the
  context that queues it). The first caller that gives a bound its final value is kept as the
  witness, so every bound has a chain back to a seed for traces.

Inside a function a small forward dataflow over the CFG tracks the interval at every event:
raised regions (KeAcquireSpinLock .. KeReleaseSpinLock, KeRaiseIrql .. KeLowerIrql,
ExAcquireFastMutex -> APC, ...; driver wrappers whose body raises on every path or releases a region
it did not open; inline helpers in project headers with `_IRQL_raises_` / `_IRQL_restores_`), and
branch tests on the real IRQL (`KeGetCurrentIrql() == PASSIVE_LEVEL` narrows its branch).
`Flags & WSK_FLAG_AT_DISPATCH_LEVEL` set means exactly DISPATCH; clear narrows nothing, but the branch
is marked (`State.flag_clear`). The test is followed through locals and through parameters every
caller passes it to. Where a region is open on some paths only, the merge assumes it closed: this can
miss a raised region but never invents one.

API (for rules):
    facts.entry(key)            Irql(lo, hi) or None when nothing is known (unknown is not guilty)
    facts.at(fn, event)         the State before `event`, or None
    facts.states(fn)            [(block, event, State)] for every event of a reached function
    facts.states_at(fn, irql)   the same for `fn` entered at `irql`, whatever its callers
    facts.reached()             the functions with a known IRQL
    facts.trace(fn, state, last_loc, last_note)   trace steps from the origin of `state.hi`
    facts.path(fn, state)       "WskReceiveEvent callback OnReceive (registered at x.c:40) -> Parse -> Log"
    facts.trace/path(..., bound="lo")   the same for the origin of `state.lo` (why IRQL may be low)
    facts.limit(call, fn)       the highest IRQL `call` may be made at (Limit), or None
    facts.min_required(call, fn)   (level, text) for calls that need at least `level` (AtDpcLevel)
    facts.sal_max(fn)           the driver function's own `_IRQL_requires_max_` contract, or None
    paged_allocation(call)      whether an ExAllocatePool* call allocates paged memory
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from ..analysis.calls import object_key, wsk_name
from ..analysis.paths import Step
from ..knowledge import irql as K
from ..knowledge.wsk import WSK_NO_WAIT
from ..model import Event, Expr, Function, Loc
from ..program import Role, role_text, short

P, A, D = K.PASSIVE, K.APC, K.DISPATCH

ROLE_SEEDS = {"completion": (P, D), "wdf_timer": (P, D), "ndis_datapath": (P, D), "dpc": (D, D), "timer": (D, D), "cancel": (D, D),
              "work_item": (P, P), "thread": (P, P), "driver_entry": (P, P), "unload": (P, P),
              "add_device": (P, P), "pnp_start": (P, P), "dispatch": (P, P)}
MAX_SAVED = 4


@dataclass(frozen=True, slots=True)
class Irql:
    lo: int
    hi: int

    def join(self, o: Irql | None) -> Irql:
        return self if o is None else Irql(min(self.lo, o.lo), max(self.hi, o.hi))


@dataclass(frozen=True, slots=True)
class State:
    """The IRQL interval before an event, and why."""
    lo: int
    hi: int
    raised: Loc | None = None      # where this function raised IRQL to `hi` (None: `hi` comes from the entry)
    raised_by: str = ""            # the routine that raised it
    saved: tuple = ()              # ((lo, hi, raised, raised_by, locks), ...) restored by the releases
    flag_clear: Loc | None = None  # inside the branch where WSK_FLAG_AT_DISPATCH_LEVEL tests clear
    locks: tuple = ()              # lock objects held (names, as `analysis.calls.object_key` gives them)
    lowered: Loc | None = None     # where a test on the real IRQL narrowed `hi`
    unmatched: bool = False        # a release ended a region this function did not open (every path)
    mixed: bool = False            # paths with different raised regions met (see `_join`)


@dataclass(frozen=True, slots=True)
class Limit:
    level: int          # the highest IRQL the call may be made at
    cond: str = ""      # the argument condition ("with a NULL (infinite) timeout"), or the SAL contract
    api: bool = True    # a system routine (False: one of the driver's functions with a SAL contract)

    @property
    def text(self) -> str:
        """"PASSIVE_LEVEL only", "IRQL <= APC_LEVEL with a NULL (infinite) timeout", "annotated ..."."""
        if not self.api:
            return self.cond
        base = f"{K.level_name(self.level)} only" if self.level == P else f"IRQL <= {K.level_name(self.level)}"
        return f"{base} {self.cond}" if self.cond else base


@dataclass(frozen=True, slots=True)
class Seed:
    role: Role | None = None
    annotation: str = ""
    fn: Function | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Via:
    caller: Function
    event: Event
    state: State


@dataclass
class _Summary:
    raises: int | None = None      # the callee leaves IRQL raised to this level
    restores: bool = False         # the callee ends a region its caller opened


class IrqlFacts:
    def __init__(self, program):
        self.program = program
        self.cg = program.callgraph
        self._entry: dict[str, Irql] = {}
        self._why_hi: dict[str, Seed | Via] = {}
        self._why_lo: dict[str, Seed | Via] = {}
        self._at: dict[str, dict[int, State]] = {}
        self._events: dict[str, list] = {}
        self._contract: dict[str, tuple] = {}
        self._summary: dict[str, _Summary] = {}
        self._alias_cache: dict[str, tuple] = {}
        for fn in program.functions.values():
            self._contract[fn.key] = _sal(fn)
        self._summaries()
        self._propagate()

    # -- public queries -------------------------------------------------------------------------
    def entry(self, key: str) -> Irql | None:
        return self._entry.get(key)

    def at(self, fn: Function, ev: Event) -> State | None:
        return self._at.get(fn.key, {}).get(id(ev))

    def states(self, fn: Function) -> list:
        at = self._at.get(fn.key)
        if not at:
            return []
        return [(b, ev, at[id(ev)]) for b, ev in fn.events() if id(ev) in at]

    def states_at(self, fn: Function, start: Irql) -> list:
        """[(block, event, State)] of `fn` entered at `start`, whatever its callers (for properties of
        a function's own body, such as a pageable function that takes a spin lock)."""
        _, at = self._flow(fn, State(start.lo, start.hi))
        return [(b, ev, at[id(ev)]) for b, ev in fn.events() if id(ev) in at]

    def reached(self):
        """Functions with a known IRQL, in a stable order."""
        return [self.program.functions[k] for k in sorted(self._entry)]

    def sal_max(self, fn: Function) -> tuple[int, str] | None:
        c = self._contract.get(fn.key)
        return (c[1], c[2]) if c and c[1] is not None else None

    def limit(self, call: Expr, fn: Function) -> Limit | None:
        """The highest IRQL at which `call` (in `fn`) may be made, from the API table (with its
        argument conditions) or from a called driver function's SAL contract."""
        name = wsk_name(call) or (call.name if call.op in ("direct", "pointer") else "")
        targets = self.cg.targets(call, fn)
        if targets:
            best = None
            for t in targets:
                c = self.sal_max(t)
                if c is not None and (best is None or c[0] < best.level):
                    best = Limit(c[0], f"annotated {c[1]}", api=False)
            return best
        if not name:
            return None
        if call.ref != "api" and name in self.program.declarations:
            lo, hi, text, _ = _sal_of(self.program.declarations[name])
            if hi is not None:
                return Limit(hi, f"annotated {text}", api=False)
        rule = K.ARG_RULES.get(name)
        if rule is not None:
            return _arg_limit(rule, call, fn)
        level = K.api_max(name)
        if level is None:
            return None
        return Limit(level)

    def trace(self, fn: Function, state: State | None, last_loc: Loc | None = None, last_note: str = "",
              bound: str = "hi") -> list[Step]:
        """Steps that show where `state`'s bound comes from: the role's registration (or the SAL
        contract, or the raising call) and the call chain down to `fn`, then the last step."""
        steps = []
        if bound == "hi" and state is not None and state.raised is not None:
            steps.append(Step(state.raised, f"{state.raised_by} raises IRQL to {K.level_name(state.hi)}"))
        else:
            steps = self._chain_steps(fn, bound)
        if last_loc is not None:
            steps.append(Step(last_loc, last_note))
        return steps

    def path(self, fn: Function, state: State | None, bound: str = "hi") -> str:
        """A one-line account of the chain, for messages."""
        if bound == "hi" and state is not None and state.raised is not None:
            return f"{fn.name} after {state.raised_by} at {short(state.raised)}"
        seed, names, _ = self._chain(fn, bound)
        return " -> ".join([_seed_text(seed)] + names[1:]) if seed is not None else fn.name

    # -- chains ---------------------------------------------------------------------------------
    def _chain(self, fn: Function, bound: str):
        """(seed, [function names from the seed's function to fn]); each step follows the witness
        that first gave the bound its final value, so the walk ends at a seed."""
        why = self._why_hi if bound == "hi" else self._why_lo
        names, vias, seen = [fn.name], [], {fn.key}
        cur = fn
        while True:
            w = why.get(cur.key)
            if not isinstance(w, Via):
                names.reverse()
                vias.reverse()
                return w, names, vias
            vias.append(w)
            if bound == "hi" and w.state.raised is not None:
                names.reverse()
                vias.reverse()
                return Seed(annotation=f"{w.state.raised_by}@{short(w.state.raised)}", fn=w.caller), \
                    [w.caller.name] + names, vias
            cur = w.caller
            if cur.key in seen:
                names.reverse()
                vias.reverse()
                return None, names, vias
            seen.add(cur.key)
            names.append(cur.name)

    def _chain_steps(self, fn: Function, bound: str) -> list[Step]:
        seed, names, vias = self._chain(fn, bound)
        steps = []
        if seed is not None and seed.role is not None:
            r = seed.role
            steps.append(Step(r.loc, f"{seed.fn.name} is {role_text(r.kind)} ({r.via})"))
        elif seed is not None and "@" in seed.annotation and vias:
            st = vias[0].state
            steps.append(Step(st.raised, f"{st.raised_by} raises IRQL to {K.level_name(st.hi)}"))
        elif seed is not None and seed.fn is not None:
            steps.append(Step(seed.fn.loc, f"{seed.fn.name} is annotated {seed.annotation}"))
        for v, callee in zip(vias, names[len(names) - len(vias):]):
            call = v.event.expr
            how = "" if call.op in ("direct", "method") else f" through {call.callee.text if call.callee else call.text}"
            steps.append(Step(v.event.loc, f"{v.caller.name} calls {callee}{how}"))
        return steps

    # -- function summaries (wrappers that raise or restore) ------------------------------------
    def _summaries(self):
        import networkx as nx   # rules import this module at start-up; only building the facts needs it

        calls = nx.DiGraph()
        for key in self.program.functions:
            calls.add_node(key)
        for a, b, data in self.cg.graph.edges(data=True):
            if any(s.kind == "call" for s in data["sites"]):
                calls.add_edge(a, b)
        cond = nx.condensation(calls)
        for comp in reversed(list(nx.topological_sort(cond))):
            for key in cond.nodes[comp]["members"]:
                fn = self.program.functions[key]
                self._summary[key] = self._summarise(fn)

    def _summarise(self, fn: Function) -> _Summary:
        s = _sal_effect(fn.annotations)
        if s.raises is not None or s.restores:
            return s
        if not any(self._effect(ev.expr, fn) for _, ev in fn.calls()):
            return s
        exits, _ = self._flow(fn, State(P, P))
        if exits:
            st = exits[0]
            for other in exits[1:]:
                st = _join(st, other)
            if st.saved and not st.mixed:     # raised on every path (not only on success)
                s.raises = st.hi
            s.restores = st.unmatched
        return s

    def _effect(self, call: Expr, fn: Function) -> str | None:
        targets = self.cg.targets(call, fn)
        if len(targets) == 1:
            s = self._summary.get(targets[0].key)
            if s is not None and s.raises is not None:
                return "raise"
            if s is not None and s.restores:
                return "restore"
            return None
        if targets:
            return None
        name = call.name if call.op in ("direct", "pointer") else ""
        if name in K.RAISES:
            return "raise"
        if name in K.RESTORES:
            return "restore"
        if call.ref != "api" and name in self.program.declarations:
            s = _sal_effect(self.program.declarations[name])
            return "raise" if s.raises is not None else "restore" if s.restores else None
        return None

    def min_required(self, call: Expr, fn: Function) -> tuple[int, str] | None:
        """(level, text) when `call` must be made at or above `level` (the `...AtDpcLevel` routines,
        the driver's own `_IRQL_requires_min_` functions)."""
        name = call.name if call.op == "direct" else ""
        if name in K.MIN_IRQL:
            return K.MIN_IRQL[name], name
        annotations = None
        targets = self.cg.targets(call, fn)
        if len(targets) == 1:
            annotations = targets[0].annotations
        elif not targets and call.ref != "api" and name in self.program.declarations:
            annotations = self.program.declarations[name]
        if annotations:
            lo, _, _, text = _sal_of(annotations)
            if lo is not None and lo > P:
                return lo, f"{name} (annotated {text})"
        return None

    # -- propagation ----------------------------------------------------------------------------
    def _seeds(self):
        prog = self.program
        passive_wdf = _mentions(prog, "WdfExecutionLevelPassive")
        seeded = set()
        for key, fn in prog.functions.items():
            # registrations before role-typed declarations: traces start where the routine is handed over
            for role in sorted(prog.roles.get(key, ()), key=lambda r: r.via.startswith("declared as")):
                kind = role.kind
                rng = (P, D) if kind.startswith("event:") else ROLE_SEEDS.get(kind)
                if rng is None or (kind == "wdf_timer" and passive_wdf):
                    continue
                seeded.add(key)
                yield fn, Irql(*rng), Seed(role=role, fn=fn)
        # After the roles (their chains read better in traces). A role decides its function's own
        # IRQL: the SAL it carries is mostly the role typedef's (DRIVER_DISPATCH says DISPATCH_LEVEL,
        # although create, close and device control run at PASSIVE_LEVEL). `_IRQL_requires_max_` is
        # an upper bound that annotations state generously: it seeds only functions nobody in the
        # driver calls (a library's entry points); elsewhere the callers decide, and the bound is
        # checked at the calls. `_IRQL_requires_(X)` and `_IRQL_requires_min_(X)` are facts.
        for key, fn in prog.functions.items():
            c = self._contract[key]
            if key in seeded or (c[1] is None and c[0] is None):
                continue
            exact = c[0] is not None and (c[0] > P or c[0] == c[1])
            if exact or not any(a.key != key for a, _ in self.cg.callers(key)):
                lo = c[0] if c[0] is not None else P
                hi = c[1] if c[1] is not None else D
                yield fn, Irql(lo, max(lo, hi)), Seed(annotation=c[2] or c[3], fn=fn)

    def _propagate(self):
        work = deque()
        for fn, rng, seed in self._seeds():
            self._offer(fn, rng, seed, work)
        rounds = 0
        while work and rounds < 50 * max(1, len(self.program.functions)):
            rounds += 1
            key = work.popleft()
            fn = self.program.functions[key]
            _, at = self._flow(fn, self._state0(key))
            self._at[key] = at
            for _, ev in fn.calls():
                st = at.get(id(ev))
                if st is None:
                    continue
                for callee in self.cg.targets(ev.expr, fn):
                    if callee.key == key:
                        continue
                    c = self._contract[callee.key]
                    rng = Irql(st.lo, st.hi)
                    if c[1] is not None:   # a contract: the caller's hi stops here (checked at the call)
                        rng = Irql(st.lo, min(st.hi, c[1]))
                    self._offer(callee, rng, Via(fn, ev, st), work)

    def _offer(self, fn: Function, rng: Irql, why, work):
        old = self._entry.get(fn.key)
        new = rng.join(old)
        if old is not None and new == old:
            return
        if old is None or new.hi > old.hi:
            self._why_hi[fn.key] = why
        if old is None or new.lo < old.lo:
            self._why_lo[fn.key] = why
        self._entry[fn.key] = new
        if fn.key not in work:
            work.append(fn.key)

    def _state0(self, key: str) -> State:
        e = self._entry[key]
        return State(e.lo, e.hi)

    # -- intraprocedural dataflow ---------------------------------------------------------------
    def _flow(self, fn: Function, start: State):
        """Forward dataflow over `fn`'s CFG; returns (exit states, {id(event): state before it})."""
        aliases = self._aliases(fn)
        ins: dict[int, State] = {fn.entry: start}
        at: dict[int, State] = {}
        exits = []
        work = deque([fn.entry])
        queued = {fn.entry}
        steps = 0
        limit = 50 * max(1, len(fn.blocks))
        while work and steps < limit:
            steps += 1
            b = work.popleft()
            queued.discard(b)
            st = ins[b]
            blk = fn.blocks[b]
            for ev in blk.events:
                at[id(ev)] = st
                if ev.kind == "call":
                    st = self._transfer(st, ev, fn)
            if b == fn.exit or not blk.succs:
                exits.append(st)
                continue
            for succ, label in blk.succs:
                nst = self._edge(st, blk, label, aliases)
                if nst is None:
                    continue
                old = ins.get(succ)
                new = nst if old is None else _join(old, nst)
                if old is None or new != old:
                    ins[succ] = new
                    if succ not in queued:
                        queued.add(succ)
                        work.append(succ)
        return exits, at

    def _transfer(self, st: State, ev: Event, fn: Function) -> State:
        call = ev.expr
        eff = self._effect(call, fn)
        if eff == "raise":
            targets = self.cg.targets(call, fn)
            if targets:
                level = self._summary[targets[0].key].raises
                lock = ""
            elif call.name not in K.RAISES:
                level = _sal_effect(self.program.declarations.get(call.name, ())).raises or D
                lock = ""
            else:
                level = K.RAISES.get(call.name)
                if level is None:
                    i = K.RAISE_ARG.get(call.name, 0)
                    v = call.args[i].strip().value if i < len(call.args) else None
                    level = D if v is None else min(max(v, P), D)
                lock = "" if call.name in K.RAISE_ARG else (object_key(call.args[0]) or "") if call.args else ""
            saved = st.saved + ((st.lo, st.hi, st.raised, st.raised_by, st.locks),)
            hi = max(st.hi, level)
            # when the entry may already be at this level, the entry's chain explains `hi`
            raised, by = (ev.loc, call.name or call.text) if hi > st.hi else (st.raised, st.raised_by)
            return replace(st, lo=max(st.lo, level), hi=hi, raised=raised, raised_by=by, saved=saved[-MAX_SAVED:],
                           locks=(st.locks + ((lock,) if lock else ()))[-MAX_SAVED:])
        if eff == "restore":
            if not st.saved:
                return replace(st, unmatched=True)
            lo, hi, raised, by, locks = st.saved[-1]
            return replace(st, lo=lo, hi=hi, raised=raised, raised_by=by, saved=st.saved[:-1], locks=locks)
        need = self.min_required(call, fn)
        if need is not None and st.lo < need[0]:   # reported (WSK007); afterwards assume it holds
            return replace(st, lo=min(need[0], st.hi))
        return st

    def _edge(self, st: State, blk, label: str, aliases) -> State | None:
        if label not in ("T", "F") or blk.cond is None:
            return st
        want = label == "T"
        allowed = _irql_test(blk.cond, want, aliases[0])
        if allowed is not None:
            lo, hi = max(st.lo, min(allowed)), min(st.hi, max(allowed))
            if lo > hi:
                return None
            if hi == st.hi:
                return replace(st, lo=lo)
            return replace(st, lo=lo, hi=hi, raised=None, raised_by="", lowered=blk.cond.loc)
        pol = _flag_test(blk.cond, aliases[1])
        if pol is not None:
            if pol == want:      # flag set: exactly DISPATCH_LEVEL
                return replace(st, lo=D, hi=D, flag_clear=None)
            return replace(st, flag_clear=blk.cond.loc)
        return st

    def _aliases(self, fn: Function):
        """Locals that hold KeGetCurrentIrql() or the result of the WSK_FLAG_AT_DISPATCH_LEVEL test, and
        parameters that every caller passes such a test (`Process(dev, buf, Flags & WSK_FLAG_AT_DISPATCH_LEVEL)`)."""
        got = self._alias_cache.get(fn.key)
        if got is not None:
            return got
        self._alias_cache[fn.key] = (frozenset(), {})   # recursion through callers
        irql, flag, other = set(), self._flag_params(fn), set()
        for _, ev in fn.events():
            if ev.kind not in ("assign", "decl") or ev.target is None:
                continue
            t = ev.target.strip()
            if t.kind != "name":
                continue
            e = ev.expr.strip() if ev.expr is not None else None
            if e is not None and e.kind == "call" and e.name in K.CURRENT_IRQL:
                irql.add(t.name)
            elif e is not None and _flag_test(e, {}) is not None:
                flag[t.name] = _flag_test(e, {})
            elif e is not None or ev.kind == "assign":
                other.add(t.name)
        got = (frozenset(irql - other), {k: v for k, v in flag.items() if k not in other and k not in irql})
        self._alias_cache[fn.key] = got
        return got

    def _flag_params(self, fn: Function) -> dict:
        out = {}
        callers = [(c, site.event) for c, site in self.cg.callers(fn.key) if site.event is not None and c.key != fn.key]
        if not callers:
            return out
        for i, p in enumerate(fn.params):
            seen = set()
            for caller, ev in callers:
                args = ev.expr.args
                if i >= len(args):
                    seen.add(None)
                elif args[i].strip().value is None:   # a constant says nothing about the caller's IRQL
                    seen.add(_flag_test(args[i], self._aliases(caller)[1]))
            if len(seen) == 1 and None not in seen:
                out[p.name] = seen.pop()
        return out


# -- helpers ------------------------------------------------------------------------------------

def _join(a: State, b: State) -> State:
    if a == b:
        return a
    if len(a.saved) != len(b.saved):
        # A region opened on some paths only (`if (x) KeAcquireSpinLock(..)` .. `if (x) KeReleaseSpinLock(..)`,
        # or a lock held only on success): assume the region is not open. This can miss a raised
        # region, but never invents one.
        return replace(a if len(a.saved) < len(b.saved) else b, mixed=True)
    if b.hi > a.hi:
        raised, by = b.raised, b.raised_by
    else:
        raised, by = a.raised, a.raised_by
    saved = tuple(_join_saved(x, y) for x, y in zip(a.saved, b.saved))
    locks = tuple(x for x in a.locks if x in b.locks)
    flag = a.flag_clear if a.flag_clear == b.flag_clear else None
    lowered = a.lowered if a.lowered == b.lowered else None
    return State(min(a.lo, b.lo), max(a.hi, b.hi), raised, by, saved, flag, locks, lowered,
                 a.unmatched and b.unmatched, a.mixed or b.mixed)


def _join_saved(x, y):
    if x == y:
        return x
    raised, by = (y[2], y[3]) if y[1] > x[1] else (x[2], x[3])
    return (min(x[0], y[0]), max(x[1], y[1]), raised, by, tuple(k for k in x[4] if k in y[4]))


def _split_ann(a: str) -> tuple[str, str]:
    if "(" in a and a.endswith(")"):
        head, rest = a.split("(", 1)
        return head.strip(), rest[:-1]
    return a.strip(), ""


def _sal_effect(annotations) -> _Summary:
    s = _Summary()
    for a in annotations:
        head, arg = _split_ann(a)
        if head in K.SAL_RAISES:
            lv = K.level_of(arg)
            s.raises = D if lv is None else lv
        elif head in K.SAL_RESTORES:
            s.restores = True
    return s


def _sal(fn: Function) -> tuple:
    return _sal_of(fn.annotations)


def _sal_of(annotations) -> tuple:
    """(min level, max level, max annotation text, other annotation text) of a driver function."""
    lo = hi = None
    hi_text = other = ""
    for a in annotations:
        head, arg = _split_ann(a)
        lv = K.level_of(arg) if arg else None
        if lv is None:
            continue
        if head in K.SAL_MAX:
            if hi is None or lv < hi:
                hi, hi_text = lv, a
        elif head in K.SAL_EXACT:
            hi, hi_text, lo, other = lv, a, lv, a
        elif head in K.SAL_MIN:
            lo, other = lv, a
    return lo, hi, hi_text, other


_CMP = {"==": lambda x, c: x == c, "!=": lambda x, c: x != c, "<": lambda x, c: x < c,
        "<=": lambda x, c: x <= c, ">": lambda x, c: x > c, ">=": lambda x, c: x >= c}
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


def _is_current_irql(e: Expr, aliases) -> bool:
    e = e.strip()
    return (e.kind == "call" and e.name in K.CURRENT_IRQL) or (e.kind == "name" and e.name in aliases)


def _const_level(e: Expr) -> int | None:
    e = e.strip()
    if e.value is not None:
        return e.value
    if e.kind == "name":
        return K.LEVELS.get(e.name)
    return None


def _irql_test(cond: Expr, want: bool, aliases) -> tuple | None:
    """The IRQL levels for which `cond` evaluates to `want`, if `cond` tests the current IRQL."""
    c = cond.strip()
    if c.kind == "unop" and c.op == "!" and c.kids:
        return _irql_test(c.kids[0], not want, aliases)
    if c.kind == "binop" and len(c.kids) == 2:
        a, b = c.kids
        if c.op in ("&&", "||"):
            if (c.op == "&&") != want:
                return None
            x, y = _irql_test(a, want, aliases), _irql_test(b, want, aliases)
            if x is None and y is None:
                return None
            s = set(x or (P, A, D)) & set(y or (P, A, D))
            return tuple(sorted(s)) or ()
        if c.op in _CMP:
            op = c.op
            if _is_current_irql(b, aliases) and not _is_current_irql(a, aliases):
                a, b, op = b, a, _FLIP[op]
            if not _is_current_irql(a, aliases):
                return None
            k = _const_level(b)
            if k is None:
                return None
            levels = tuple(x for x in (P, A, D) if _CMP[op](x, k) == want)
            return levels
    return None


def _flag_test(cond: Expr, aliases) -> bool | None:
    """True if `cond` is true exactly when WSK_FLAG_AT_DISPATCH_LEVEL is set, False if exactly when it
    is clear, None if `cond` does not test the flag."""
    c = cond.strip()
    if c.kind == "name" and c.name in aliases:
        return aliases[c.name]
    if c.kind == "unop" and c.op == "!" and c.kids:
        inner = _flag_test(c.kids[0], aliases)
        return None if inner is None else not inner
    if c.kind == "binop" and len(c.kids) == 2:
        a, b = c.kids
        if c.op == "&":
            return True if _is_flag(a) or _is_flag(b) else None
        if c.op in ("==", "!="):
            for x, y in ((a, b), (b, a)):
                inner = _flag_test(x, aliases)
                if inner is not None and y.strip().value is not None:
                    nonzero = y.strip().value != 0
                    return inner if (c.op == "!=") != nonzero else not inner
    return None


def _is_flag(e: Expr) -> bool:
    e = e.strip()
    return e.macro == K.AT_DISPATCH_FLAG or (e.kind == "name" and e.name == K.AT_DISPATCH_FLAG) or \
        K.AT_DISPATCH_FLAG in e.text


def _arg_limit(rule: K.ArgRule, call: Expr, fn: Function) -> Limit | None:
    args = call.args
    if rule.arg >= len(args):
        return None
    a = args[rule.arg].strip()
    v = a.value
    if rule.kind == "timeout":
        if v == 0 and a.kind in ("const", "name", "cast") or a.text in ("NULL", "nullptr"):
            return Limit(A, "with a NULL (infinite) timeout")
        zero = _points_to_zero(a, fn)
        if zero is None:
            return None
        return Limit(D, "with a zero timeout") if zero else Limit(A, "with a non-zero timeout")
    if rule.kind in ("pool_type", "pool_flags"):
        if not _pool_is_paged(rule.kind, a):
            return Limit(D)
        return Limit(A, "with a paged pool type" if rule.kind == "pool_type" else "with POOL_FLAG_PAGED")
    if rule.kind == "wait_true":
        if v is not None and v != 0:
            return Limit(A, "with Wait = TRUE")
        return Limit(D)
    if rule.kind == "wsk_wait":
        if v is None:
            return None
        return Limit(D) if v == WSK_NO_WAIT else Limit(P, "with a timeout other than WSK_NO_WAIT")
    if rule.kind == "codes":
        if v is None:
            return None
        return Limit(P, f"with control code {a.text}") if (v & 0xFFFFFFFF) in rule.codes else Limit(D)
    return None


def _pool_is_paged(kind: str, a: Expr) -> bool:
    v = a.value
    if kind == "pool_type":
        return (v is not None and v in K.PAGED_POOL_TYPES) or bool(_names(a) & K.PAGED_POOL_NAMES)
    return bool(v is not None and v & K.POOL_FLAG_PAGED) or "POOL_FLAG_PAGED" in _names(a)


def paged_allocation(call: Expr) -> bool:
    """Whether `call` allocates from paged pool (ExAllocatePool* with PagedPool or POOL_FLAG_PAGED)."""
    rule = K.ARG_RULES.get(call.name) if call.kind == "call" and call.op == "direct" else None
    if rule is None or rule.kind not in ("pool_type", "pool_flags") or rule.arg >= len(call.args):
        return False
    return _pool_is_paged(rule.kind, call.args[rule.arg].strip())


def _names(e: Expr) -> set:
    out = {n.name for n in e.walk() if n.kind == "name"}
    if e.macro:
        out.add(e.macro)
    return out


def _points_to_zero(a: Expr, fn: Function) -> bool | None:
    """For a timeout argument `&t`: True if `t` is set to zero in `fn`, False if to a non-zero constant,
    None if unknown."""
    if not (a.kind == "unop" and a.op == "&" and a.kids):
        return None
    root = a.kids[0].strip().root()
    if root is None or root not in fn.locals:
        return None
    values = []
    for _, ev in fn.events():
        if ev.kind not in ("assign", "decl") or ev.target is None or ev.expr is None:
            continue
        t = ev.target.strip()
        if t.root() != root:
            continue
        e = ev.expr.strip()
        if e.kind == "init":
            vals = [k.kids[0].strip().value if k.kind == "field_init" and k.kids else k.strip().value
                    for k in e.kids]
            values.append(0 if vals and all(x == 0 for x in vals) else (None if None in vals else 1))
        else:
            values.append(e.value)
    if not values or None in values:
        return None
    return all(v == 0 for v in values)


def _mentions(program, name: str) -> bool:
    for fn in program.functions.values():
        for _, ev in fn.events():
            if ev.expr is not None and any(n.kind == "name" and n.name == name for n in ev.expr.walk()):
                return True
    return False


def _seed_text(seed: Seed) -> str:
    if seed.role is not None:
        kind = seed.role.kind
        what = f"{kind[6:]} callback" if kind.startswith("event:") else {
            "completion": "IoCompletion routine", "dpc": "DPC routine", "timer": "timer routine",
            "wdf_timer": "framework timer callback", "cancel": "cancel routine",
            "ndis_datapath": "NDIS data-path handler"}.get(kind, kind)
        return f"{what} {seed.fn.name} (registered at {short(seed.role.loc)})"
    if "@" in seed.annotation:
        by, at = seed.annotation.split("@", 1)
        return f"{seed.fn.name} (IRQL raised by {by} at {at})"
    return f"{seed.fn.name} (annotated {seed.annotation})"


__all__ = ["IrqlFacts", "Irql", "State", "Limit", "paged_allocation"]
