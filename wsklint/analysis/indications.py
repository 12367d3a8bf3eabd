"""Retained data indications: where a receive callback stores the lists it keeps, and which stores
`WskRelease` gives back.

A list is *stored* to a struct field (`port->Held = DataIndication`, also inside a helper the list is
passed to: `Enqueue(ctx, DataIndication)` with `q->Head = List`) or a global; linking it into the
list itself (`DataIndication->Next = port->Held`) is not a store. A store the analysis cannot name
(through a cast or a macro, into an external function) makes the storage *unknown*. A release takes
its list from a field when the `Indication` argument is read from it, directly, through locals that
walk the list (`ind = q->Head; next = ind->Next; ...`), or through the parameters of helpers whose
callers pass such a value.
"""
from __future__ import annotations

from ..model import Expr, Function
from .calls import arg, wsk_name

UNKNOWN = ("?", "?")
RELEASE = "WskRelease"


def _is_indication(type_name: str | None) -> bool:
    return "INDICATION" in (type_name or "")


class Indications:
    def __init__(self, program):
        self.program = program
        self._stores: dict = {}
        self._derived: dict = {}
        self._param_sources: dict = {}

    # -- stores ---------------------------------------------------------------------------------------
    def stores(self, fn: Function, name: str) -> frozenset:
        """Where `fn` (and the helpers it passes them to) store the lists held in its parameter or local
        `name`: {(struct, field)} (struct '' for a global), with UNKNOWN for a store it cannot name."""
        key = (fn.key, name)
        if key in self._stores:
            return self._stores[key]
        self._stores[key] = frozenset()           # recursion guard
        held = self._holders(fn, name)
        out = set()
        for _, ev in fn.events():
            if ev.kind in ("assign", "decl") and ev.expr is not None and ev.target is not None:
                if _name_of(ev.expr) not in held:
                    continue
                t = ev.target.strip()
                if t.kind == "name" and (t.name in fn.locals or fn.param_index(t.name) is not None):
                    continue                      # another name for the list
                if t.kind == "name" and t.name in self.program.globals:
                    out.add(("", t.name))
                elif t.kind == "member" and t.ref and not _is_indication(t.ref):
                    out.add((t.ref, t.name))
                elif not (t.kind == "member" and _is_indication(t.ref)):
                    out.add(UNKNOWN)              # `*(T **)&Reserved[3] = ind`, ...
            elif ev.kind == "call":
                call = ev.expr
                if wsk_name(call) == RELEASE:
                    continue
                for i, a in enumerate(call.args):
                    if _name_of(a) not in held:
                        continue
                    callee = self.program.callee(call, fn)
                    if callee is None or not callee.blocks or i >= len(callee.params) or not callee.params[i].name:
                        out.add(UNKNOWN)
                    else:
                        out |= self.stores(callee, callee.params[i].name)
        self._stores[key] = frozenset(out)
        return self._stores[key]

    def _holders(self, fn: Function, name: str) -> set:
        """`name` and the locals that take its value or walk the list from it (`next = ind->Next`)."""
        held = {name}
        changed = True
        while changed:
            changed = False
            for _, ev in fn.events():
                if ev.kind not in ("assign", "decl") or ev.expr is None or ev.target is None:
                    continue
                t = ev.target.strip()
                if t.kind != "name" or t.name in held or t.name not in fn.locals:
                    continue
                src = ev.expr.strip()
                base = src.kids[0] if src.kind == "member" and src.name == "Next" and src.kids else src
                if _name_of(base) in held:
                    held.add(t.name)
                    changed = True
        return held

    # -- releases -------------------------------------------------------------------------------------
    def released(self) -> set:
        """Every field (or global) a `WskRelease` in the driver takes its list from."""
        if "released" not in self._derived:
            out = set()
            for fn in self.program.functions.values():
                for _, ev in fn.calls():
                    if wsk_name(ev.expr) == RELEASE:
                        out |= self.sources(fn, arg(ev.expr, "Indication"))
            self._derived["released"] = out
        return self._derived["released"]

    def sources(self, fn: Function, e: Expr | None, depth: int = 0) -> set:
        """The fields (or globals) the value of `e` in `fn` was read from."""
        if e is None or depth > 6:
            return set()
        s = e.strip()
        if s.kind == "member" and s.kids:
            if _is_indication(s.ref):             # `ind->Next`: further along the same list
                return self.sources(fn, s.kids[0], depth + 1)
            return {(s.ref, s.name)} if s.ref else set()
        if s.kind != "name":
            return set()
        if s.name in fn.locals:
            out = set()
            for _, ev in fn.events():
                if ev.kind in ("assign", "decl") and ev.expr is not None and ev.target is not None \
                        and ev.target.strip().kind == "name" and ev.target.strip().name == s.name:
                    if _name_of(ev.expr) != s.name:
                        out |= self.sources(fn, ev.expr, depth + 1)
            return out
        i = fn.param_index(s.name)
        if i is not None:
            return self._from_callers(fn, i, depth)
        return {("", s.name)} if s.name in self.program.globals else set()

    def _from_callers(self, fn: Function, i: int, depth: int) -> set:
        key = (fn.key, i)
        if key not in self._param_sources:
            self._param_sources[key] = set()
            out = set()
            for caller, _, call in self.program.callers.get(fn.key, ()):
                if i < len(call.args):
                    out |= self.sources(caller, call.args[i], depth + 1)
            self._param_sources[key] = out
        return self._param_sources[key]

    # -- sockets a function closes or releases on -----------------------------------------------------
    def socket_keys(self, fn: Function, call: Expr, api: str) -> set:
        """The sockets (keys in `fn`'s terms) on which `call` calls `api` (WskCloseSocket, WskRelease),
        directly or in a helper that may."""
        flow = self.program.irpflow.flow(fn)
        if wsk_name(call) == api:
            k = flow.key(arg(call, "Socket"))
            return {k} if k and "[?]" not in k else set()
        out = set()
        callee = self.program.callee(call, fn)
        if callee is not None and callee.blocks:
            for p in self.socket_ops(callee, api):
                k = flow.map_key(p, callee, call)
                if k and "[?]" not in k:
                    out.add(k)
        return out

    def socket_ops(self, fn: Function, api: str) -> frozenset:
        """Sockets rooted in `fn`'s parameters (or globals) on which `fn` may call `api`."""
        key = (fn.key, api)
        if key not in self._derived:
            self._derived[key] = frozenset()          # recursion guard
            db = self.program.irpflow
            out = {k for _, ev in fn.calls() for k in self.socket_keys(fn, ev.expr, api) if db.is_shared(fn, k)}
            self._derived[key] = frozenset(out)
        return self._derived[key]


def _name_of(e: Expr | None) -> str | None:
    if e is None:
        return None
    s = e.strip()
    return s.name if s.kind == "name" else None
