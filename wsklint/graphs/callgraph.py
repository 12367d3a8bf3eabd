"""The whole-driver call graph: direct calls, calls through function pointers, and registrations.

Nodes are function keys (`Program.functions`; static functions are keyed per file). Every edge
carries `sites`, a list of `Site`s:

    call       a direct call (or a C++ method call) to a function the driver defines
    pointer    a call through a function pointer that may hold the callee (see below)
    registers  the caller hands the callee to the system, which runs it later in another context:
               IoSetCompletionRoutine, IoQueueWorkItem, KeInitializeDpc, PsCreateSystemThread,
               `DriverObject->DriverUnload = X`, or a WSK client dispatch table holding X that the
               caller passes to WSK (`WskSocket(..., &Table, ...)`, `*AcceptSocketDispatch = &Table`).
               The callee does not run in the caller's context: IRQL does not flow along these.

Function pointers are resolved flow-insensitively: a pointer slot (a global, a local or parameter of
one function, a struct field by name, a function's return value) holds every function assigned to it
anywhere (initialisers, assignments, arguments bound to parameters, returns, copies between slots).
A call through a slot may reach all of them. Struct fields are matched by name, and by struct type
when both sides know it.

API (for rules):
    cg.graph                      the networkx DiGraph
    cg.targets(call, fn)          the driver functions a call in `fn` may run (direct or through a pointer)
    cg.callees(key) / callers(key)   (Function, Site) pairs over call and pointer edges
    cg.reachable(starts)          key -> shortest chain of call Sites from one of `starts`
    cg.chains(start, pred)        like analysis.interproc.call_chains, over call and pointer edges
    cg.contexts                   key -> entry points (role functions) whose execution reaches it
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from ..analysis.calls import wsk_name
from ..analysis.interproc import call_chains, direct_targets
from ..model import Event, Expr, Function, Loc
from ..program import struct_name

CALL_KINDS = frozenset({"call", "pointer"})

@dataclass(frozen=True, slots=True, eq=False)
class Site:
    kind: str                 # call | pointer | registers
    caller: str               # function key
    loc: Loc
    event: Event | None = None
    role: str = ""            # registers: the role kind (completion, work_item, event:WskReceiveEvent, ...)

    @property
    def callee_text(self) -> str:
        return self.event.expr.text if self.event is not None and self.event.expr is not None else ""


class CallGraph:
    def __init__(self, program):
        self.program = program
        self.graph = nx.DiGraph()
        self._direct = direct_targets(program)
        self._targets: dict[int, list[Function]] = {}
        for key, fn in program.functions.items():
            self.graph.add_node(key, fn=fn, roles=program.roles.get(key, []))
        pts = _PointsTo(program)
        for fn in program.functions.values():
            for _, ev in fn.calls():
                self._add_call(fn, ev, pts)
        self._add_registrations()

    # -- construction ---------------------------------------------------------------------------
    def _add_call(self, fn: Function, ev: Event, pts: _PointsTo):
        call = ev.expr
        callee = self.program.callee(call, fn)
        if callee is not None:
            found, kind = [callee], "call"
        elif call.op in ("pointer", "member", "unknown") and not wsk_name(call):
            found = [self.program.functions[k] for k in sorted(pts.call_targets(fn, call))
                     if k in self.program.functions]
            kind = "pointer"
        else:
            found, kind = [], ""
        found = [f for f in found if f.blocks]
        self._targets[id(call)] = found
        for f in found:
            self._edge(fn.key, f.key, Site(kind, fn.key, ev.loc, ev))

    def _edge(self, a: str, b: str, site: Site):
        if self.graph.has_edge(a, b):
            self.graph[a][b]["sites"].append(site)
        else:
            self.graph.add_edge(a, b, sites=[site])

    def _add_registrations(self):
        prog = self.program
        handed = self._handed_out_tables()
        for key, roles in prog.roles.items():
            for role in roles:
                reg = prog.function_at(role.loc)
                if reg is not None and reg.key != key:
                    self._edge(reg.key, key, Site("registers", reg.key, role.loc, role=role.kind))
                elif reg is None and role.kind.startswith("event:"):
                    for h_fn, h_ev in handed.get(_table_at(prog, role.loc), ()):
                        if h_fn.key != key:
                            self._edge(h_fn.key, key, Site("registers", h_fn.key, h_ev.loc, h_ev, role.kind))

    def _handed_out_tables(self) -> dict[str, list]:
        """Global client dispatch tables -> the (function, event) that pass their address on."""
        tables = {name for name, vs in self.program.globals.items() for v in vs if v.init is not None
                  and v.init.kind == "init"}
        out: dict[str, list] = {}
        if not tables:
            return out
        for fn in self.program.functions.values():
            for _, ev in fn.events():
                exprs = [ev.expr] if ev.expr is not None else []
                for e in exprs:
                    for n in e.walk():
                        if n.kind == "unop" and n.op == "&" and n.kids and n.kids[0].strip().kind == "name" \
                                and n.kids[0].strip().name in tables:
                            out.setdefault(n.kids[0].strip().name, []).append((fn, ev))
        return out

    # -- queries --------------------------------------------------------------------------------
    def targets(self, call: Expr, fn: Function) -> list[Function]:
        """Driver functions (with bodies) that the call `call` in `fn` may run."""
        got = self._targets.get(id(call))
        return got if got is not None else self._direct(call, fn)

    def callees(self, key: str, kinds=CALL_KINDS):
        for _, b, data in self.graph.out_edges(key, data=True):
            for s in data["sites"]:
                if s.kind in kinds:
                    yield self.program.functions[b], s

    def callers(self, key: str, kinds=CALL_KINDS):
        for a, _, data in self.graph.in_edges(key, data=True):
            for s in data["sites"]:
                if s.kind in kinds:
                    yield self.program.functions[a], s

    @cached_property
    def contexts(self) -> dict[str, frozenset]:
        """function key -> the entry points (functions with a role other than `provider`) whose
        execution can reach it over call and pointer edges: the contexts it can run in."""
        out: dict[str, set] = {}
        for key, roles in self.program.roles.items():
            if not any(r.kind != "provider" for r in roles):
                continue
            for k in self.reachable([self.program.functions[key]]):
                out.setdefault(k, set()).add(key)
        return {k: frozenset(v) for k, v in out.items()}

    def reachable(self, starts, kinds=CALL_KINDS, max_depth: int = 64) -> dict[str, list[Site]]:
        out: dict[str, list[Site]] = {s.key: [] for s in starts}
        queue = deque(s.key for s in starts)
        while queue:
            k = queue.popleft()
            chain = out[k]
            if len(chain) >= max_depth:
                continue
            for callee, site in self.callees(k, kinds):
                if callee.key not in out:
                    out[callee.key] = chain + [site]
                    queue.append(callee.key)
        return out

    def chains(self, start: Function, pred, max_depth: int = 12):
        """Yield (chain, fn, event) for events matching `pred(event, fn)` reachable from `start` over
        call and pointer edges; `chain` is [(caller Function, call Event), ...]. Each function is
        entered once (the shortest chain wins)."""
        return call_chains(self.program, start, pred, max_depth, self.targets)


def _table_at(program, loc: Loc) -> str | None:
    """The global whose initialiser contains `loc` (a dispatch-table entry)."""
    for vs in program.globals.values():
        for v in vs:
            i = v.init
            if i is not None and i.loc.file == loc.file and i.loc.line <= loc.line <= max(i.loc.end_line, i.loc.line):
                return v.name
    return None


# -- function-pointer slots -------------------------------------------------------------------------

class _PointsTo:
    """Flow-insensitive points-to sets of function-pointer slots (see the module docstring)."""

    def __init__(self, program):
        self.program = program
        self.funcs: dict[tuple, set] = {}        # slot -> function keys
        self.copies: dict[tuple, set] = {}       # slot -> slots that flow into it
        self.fields: dict[str, set] = {}         # field name -> {struct names}
        for m in program.files:
            for g in m.globals:
                if g.init is not None:
                    self._flow(("g", g.name), g.init, None, struct_name(g.type))
        for fn in program.functions.values():
            for _, ev in fn.events():
                self._event(fn, ev)
        self._solve()

    def _event(self, fn: Function, ev: Event):
        if ev.kind in ("assign", "decl") and ev.target is not None and ev.expr is not None and ev.op in ("=", ""):
            slot = self._slot(ev.target, fn)
            if slot is not None:
                self._flow(slot, ev.expr, fn, struct_name(ev.target.type))
        elif ev.kind == "return" and ev.expr is not None:
            self._flow(("r", fn.key), ev.expr, fn, "")
        elif ev.kind == "call":
            callee = self.program.callee(ev.expr, fn)
            if callee is not None:
                for i, a in enumerate(ev.expr.args):
                    if i < len(callee.params):
                        self._flow(("l", callee.key, callee.params[i].name), a, fn, "")

    def _flow(self, slot: tuple, e: Expr, fn: Function | None, struct: str):
        e = e.strip()
        if e.kind == "init":
            for item in e.kids:
                if item.kind == "field_init" and item.kids:
                    fname = item.name.split(".")[-1]
                    if fname and not fname.startswith("["):
                        self._flow(self._field(fname, struct), item.kids[0], fn, "")
                    else:
                        self._flow(slot, item.kids[0], fn, struct)   # array of pointers: one slot
            return
        if e.kind == "cond" and len(e.kids) == 3:
            self._flow(slot, e.kids[1], fn, struct)
            self._flow(slot, e.kids[2], fn, struct)
            return
        key = self._function(e, fn)
        if key is not None:
            self.funcs.setdefault(slot, set()).add(key)
            return
        src = self._value_slot(e, fn)
        if src is not None and src != slot:
            self.copies.setdefault(slot, set()).add(src)

    def _function(self, e: Expr, fn: Function | None) -> str | None:
        if e.kind == "unop" and e.op == "&" and e.kids:
            e = e.kids[0].strip()
        if e.kind == "name" and e.ref == "function":
            f = self.program.resolve(e.name, fn.file if fn is not None else None)
            return f.key if f is not None else None
        if e.kind == "lambda" and e.name in self.program.functions:
            return e.name
        return None

    def _value_slot(self, e: Expr, fn: Function | None) -> tuple | None:
        if e.kind == "call":
            callee = self.program.callee(e, fn) if fn is not None else None
            return ("r", callee.key) if callee is not None else None
        return self._slot(e, fn)

    def _slot(self, e: Expr, fn: Function | None) -> tuple | None:
        e = e.strip()
        while e.kind in ("index",) or (e.kind == "unop" and e.op == "*"):
            if not e.kids:
                return None
            e = e.kids[0].strip()
        if e.kind == "name":
            if fn is not None and (e.ref in ("local", "param") or e.name in fn.locals
                                   or fn.param_index(e.name) is not None):
                return ("l", fn.key, e.name)
            if e.ref in ("global", "unknown", "stub") or fn is None:
                return ("g", e.name)
            return None
        if e.kind == "member":
            return self._field(e.name, e.ref)
        return None

    def _field(self, name: str, struct: str) -> tuple:
        s = struct.lstrip("_")
        self.fields.setdefault(name, set()).add(s)
        return ("f", name, s)

    def _solve(self):
        # field slots with an unknown struct flow both ways with every same-named field
        for name, structs in self.fields.items():
            if "" in structs:
                for s in structs - {""}:
                    self.copies.setdefault(("f", name, s), set()).add(("f", name, ""))
                    self.copies.setdefault(("f", name, ""), set()).add(("f", name, s))
        users: dict[tuple, set] = {}
        for dst, srcs in self.copies.items():
            for s in srcs:
                users.setdefault(s, set()).add(dst)
        work = deque(k for k in self.funcs)
        while work:
            s = work.popleft()
            vals = self.funcs.get(s, set())
            for d in users.get(s, ()):
                cur = self.funcs.setdefault(d, set())
                if not vals <= cur:
                    cur |= vals
                    work.append(d)

    def call_targets(self, fn: Function, call: Expr) -> set:
        callee = call.callee
        if callee is None:
            return set()
        e = callee.strip()
        while e.kind == "unop" and e.op == "*" and e.kids:
            e = e.kids[0].strip()
        slot = self._slot(e, fn)
        if slot is None:
            return set()
        out = set(self.funcs.get(slot, ()))
        if slot[0] == "f" and not out:
            # the struct name differs between the definition and the use (typedef vs tag): by name
            for s in self.fields.get(slot[1], ()):
                out |= self.funcs.get(("f", slot[1], s), set())
        return out


__all__ = ["CallGraph", "Site", "CALL_KINDS"]
