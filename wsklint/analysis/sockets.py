"""Socket typestate: which socket each WSK call operates on, what kind of socket it is, and what was
done to it before (created, bound, listening, connected, options set).

Built once per driver on first use: `program.sockets` (a `SocketModel`).

Socket values (`Origin`)
    A socket comes into existence at a WskSocket / WskSocketConnect / WskAccept call (the new socket
    arrives in `Irp->IoStatus.Information` once the IRP completed: read after a synchronous wait, in a
    sibling lambda of a sync wrapper, or in the IoCompletion routine set on that IRP) or as the
    `AcceptSocket` parameter of a WskAcceptEvent callback. `Origin` holds its `kind` ('create',
    'socket_connect', 'accept', 'accept_event'), the function/event/call, and the attributes read from
    the creation arguments as sets of possible values (`None` in a set = unknown on some path):
    `categories` ('basic', 'listen', 'datagram', 'connection', 'stream', 'invalid'), `families` (2, 23),
    `types`, `protocols`, `client_tables` (normalised type of the Dispatch argument, 'NULL').
    Parameters are resolved through the call sites (KSOCKET's `KsCreateListenSocket` ->
    `KsCreateSocket(..., WSK_FLAG_LISTEN_SOCKET)`). A wrapper whose socket leaves through an out-parameter
    or its return value, with attributes that depend on its parameters, gets one origin per call site
    (`Origin.binds`, `site_loc`: `Create(&tcp, CONNECTION)` and `Create(&udp, DATAGRAM)` are two sockets);
    one that stores the socket in a struct field keeps a single origin with several categories.

Where a socket may be (`origins_of(expr, fn)`)
    Flow-insensitive and driver-wide, like the object keys of `calls.object_key`: a socket stored in a
    struct field is keyed by (struct, field) (`ctx->Socket` anywhere = `CTX.Socket`), locals and
    parameters by function, globals by name; values flow through assignments, call arguments, return
    values and out-parameters (`*Out = sock`, `KsCreateSocket(&s, ...)`). A key written by several
    creation sites holds all of them: rules judge a call only when every possibility agrees.

Operations (`Op`, `ops_in(fn)`, `ops`)
    Every WSK call (socket-level and client-level), seen from the function that makes it and, lifted,
    from each caller of a helper that contains it (depth-limited), with the helper's parameters bound to
    the caller's arguments: `op.arg("ControlCode")` is a `Bound(expr, fn)` in the outermost function that
    determines it. `op.chain` is the call path [(fn, call event), ...] down to the WSK call; `op.origins`
    the sockets it may operate on; `op.table` the provider table type the call goes through (from a
    cast in the callee expression, `((PWSK_PROVIDER_DATAGRAM_DISPATCH)s->Dispatch)->WskSendTo`, or the
    declared type of the dispatch pointer; `.Basic` / the anonymous basic member are looked through).

Typestate (`visits`)
    For each socket, every function that creates it (directly or through a wrapper it calls) is walked
    path-sensitively from the creation on; at each later operation on that socket (must-alias only) the
    state before it is recorded as a `Visit(op, origin, state, trace)` (trace: the creation and the
    state-changing operations on that path). The state is a frozenset of facts:
    'created' | 'accepted', 'bound', 'connected', 'listening', 'disconnected', 'closed', 'unknown'
    (the socket escaped into code we cannot see: rules stay silent), and ('opt', NAME, value) for
    options set (value None when not constant). Helper calls apply the helper's operations in source
    order. `late_client_controls` lists WskControlClient calls that must precede any socket but follow a
    creation on some path.

Judging an operation
    `decided(op, *bounds)`: the arguments are fixed within the op's call chain (judge here, report at
    `op.site(*bounds)`, the call that passes the constant; `op.steps(note)` is the trace down the chain).
    `decode(op)` -> (request, name) of a control call; `input_value(op)` the option value; `irp_state(b)`
    'null' / 'set' / None; `control_blocks(op)` the WSK_EVENT_CALLBACK_CONTROL fields reaching the call
    (`mask_value` reads one); `creation(op)` the attributes a WskSocket call asks for, through its chain;
    `has_errors(fn)`: parse errors remain inside `fn` (absence-based conclusions there are unsafe; walks
    of such functions start 'unknown').

Addresses (`addresses(bound)`)
    The `AddressInfo` possibilities of an address argument: the variable, its structure class
    ('in4'/'in6'/'any'/'generic'), family, host-order port, whether the IP part is the wildcard, whether
    it was filled with IN6ADDR_SETV4MAPPED, each None when unknown.

Values (`values(expr, fn)`)
    The possible integer values of an expression: constants, conditionals, locals assigned only
    constants, and parameters through every call site.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..knowledge import wsk
from ..model import Event, Expr, Function, Loc
from .calls import wsk_name
from .interproc import chain_steps
from .paths import Facts, Step, Walk, track_call_status

MAX_LIFT = 4        # helper depth for lifted operations
_FOLD = {"|": lambda a, b: a | b, "&": lambda a, b: a & b, "^": lambda a, b: a ^ b, "+": lambda a, b: a + b,
         "-": lambda a, b: a - b, "<<": lambda a, b: a << b if 0 <= b < 64 else 0, ">>": lambda a, b: a >> b if b >= 0 else 0}
MAX_RESOLVE = 4     # call-site depth when resolving parameters


@dataclass(frozen=True, slots=True)
class Bound:
    """An expression and the function whose names it uses."""
    expr: Expr
    fn: Function


@dataclass(eq=False)
class Origin:
    kind: str                   # create | socket_connect | accept | accept_event
    fn: Function
    event: Event | None
    call: Expr | None
    loc: Loc
    categories: frozenset = frozenset({None})
    families: frozenset = frozenset({None})
    types: frozenset = frozenset({None})
    protocols: frozenset = frozenset({None})
    client_tables: frozenset = frozenset({None})
    # call sites the origin is specialised for, innermost first: ((wrapper key, caller, call, event), ...)
    binds: tuple = ()

    @property
    def home(self) -> Function | None:
        """The function the socket leaves (by out-parameter or return) towards its callers."""
        return self.binds[-1][1] if self.binds else self.fn

    def created_by(self, op) -> bool:
        """Whether `op` (possibly lifted) is this origin's creation, through its call sites."""
        if op.call is not self.call:
            return False
        evs = {id(ev) for _, ev in op.chain}
        return all(id(b[3]) in evs for b in self.binds)

    @property
    def category(self) -> str | None:
        """The category when every path agrees, else None."""
        return next(iter(self.categories)) if len(self.categories) == 1 else None

    @property
    def family(self) -> int | None:
        return next(iter(self.families)) if len(self.families) == 1 else None

    def describe(self) -> str:
        cat = self.category or "socket"
        fam = wsk.FAMILIES.get(self.family, "")
        what = f"{fam} {cat} socket" if fam else f"{cat} socket"
        if self.kind == "accept_event":
            return f"the accepted {what.replace('socket socket', 'socket')} of {self.fn.name}"
        if self.binds:
            ev = self.binds[-1][3]
            return f"the {what} created by {ev.expr.name} at {ev.loc.file.rsplit('/', 1)[-1]}:{ev.loc.line}"
        return f"the {what} created at {self.loc.file.rsplit('/', 1)[-1]}:{self.loc.line}"

    @property
    def site_loc(self) -> Loc:
        """Where the caller asked for this socket (the outermost specialised call site, else the creation)."""
        return self.binds[-1][3].loc if self.binds else self.loc


@dataclass(eq=False)
class Op:
    name: str                   # WskBind, WskControlSocket, ...
    fn: Function                # the function the operation is seen from
    event: Event                # the call event in `fn` (the WSK call itself, or the helper call)
    chain: tuple                # ((fn, call event), ...) from `fn` down to the WSK call
    call: Expr                  # the WSK call
    inner: Function             # the function containing the WSK call
    args: dict                  # parameter name -> Bound
    origins: frozenset = frozenset()
    table: str | None = None    # provider table type the call goes through

    @property
    def loc(self) -> Loc:
        return self.event.loc

    @property
    def direct(self) -> bool:
        return len(self.chain) == 1

    def arg(self, param: str) -> Bound | None:
        return self.args.get(param)

    def site(self, *bounds: Bound | None) -> tuple:
        """(fn, event) on the chain nearest to `fn` whose function owns one of `bounds`: where the
        determining argument is written (the call site that passes the constant)."""
        owners = {id(b.fn) for b in bounds if b is not None}
        for f, ev in self.chain:
            if id(f) in owners:
                return f, ev
        return self.chain[-1]

    def binds_for(self, fn: Function) -> tuple:
        """`Origin.binds`-style call-site bindings for resolving names of `fn` (a function on the chain)
        through this chain's call sites up to `self.fn`."""
        fns = [f for f, _ in self.chain]
        i = next((k for k, f in enumerate(fns) if f is fn), None)
        if i is None:
            return ()
        return tuple((self.chain[k][0].key, self.chain[k - 1][0], self.chain[k - 1][1].expr, self.chain[k - 1][1])
                     for k in range(i, 0, -1))

    def steps(self, last_note: str) -> list:
        """Trace steps down the call chain, ending at the WSK call."""
        return chain_steps(self.chain[:-1], self.inner, self.chain[-1][1], last_note)


@dataclass(frozen=True, slots=True)
class Visit:
    op: Op
    origin: Origin
    state: frozenset
    trace: tuple = ()           # Steps: the creation and the state-changing operations on this path

    @property
    def options(self) -> dict:
        """Socket options set on this path: name -> value (None: not known)."""
        return {f[1]: f[2] for f in self.state if isinstance(f, tuple)}


@dataclass(eq=False)
class AddressInfo:
    expr: Expr                  # the address expression where it is known (`&addr`)
    fn: Function | None
    var: str | None = None
    kind: str | None = None     # in4 | in6 | any | generic
    size: int | None = None
    family: int | None = None
    port: int | None = None     # host order
    wildcard: bool | None = None
    v4mapped: bool = False
    loc: Loc | None = None


def table_type(type_spelling: str) -> str | None:
    """`const WSK_PROVIDER_LISTEN_DISPATCH *` / `PWSK_CLIENT_LISTEN_DISPATCH` -> the table name."""
    s = type_spelling
    for w in ("const ", "volatile ", "struct ", "union ", "CONST "):
        s = s.replace(w, "")
    s = s.replace("*", "").replace("&", "").strip().lstrip("_")
    known = wsk.PROVIDER_TABLE_MEMBERS.keys() | wsk.CLIENT_DISPATCH_TYPES.keys() | {"WSK_PROVIDER_DISPATCH"}
    if s in known:
        return s
    if s.startswith("P") and s[1:] in known:
        return s[1:]
    return None


def sockaddr_kind(type_spelling: str) -> tuple[str, int] | None:
    s = type_spelling
    for w in ("const ", "volatile ", "struct ", "union ", "CONST "):
        s = s.replace(w, "")
    s = s.replace("*", "").strip()
    if s in wsk.SOCKADDR_TYPES:
        return wsk.SOCKADDR_TYPES[s]
    if s.startswith("P") and s[1:] in wsk.SOCKADDR_TYPES:
        return wsk.SOCKADDR_TYPES[s[1:]]
    if s.startswith("LP") and s[2:] in wsk.SOCKADDR_TYPES:
        return wsk.SOCKADDR_TYPES[s[2:]]
    return None


def const_name(value: int | None, table: dict) -> str | None:
    """The name of a constant in a knowledge table (values compared as unsigned 32-bit)."""
    if value is None:
        return None
    v = wsk.u32(value)
    for k, x in table.items():
        if (x[1] if isinstance(x, tuple) else x) == v:
            return k
    return None


def _is_information_read(e: Expr) -> Expr | None:
    """For `X->IoStatus.Information` (any casts), the IRP expression X, else None."""
    e = e.strip()
    if e.kind == "member" and e.name == "Information" and e.kids:
        b = e.kids[0].strip()
        if b.kind == "member" and b.name == "IoStatus" and b.kids:
            return b.kids[0]
    return None


def _irp_path(e: Expr | None) -> str | None:
    if e is None:
        return None
    p = e.strip().path()
    if p is None:
        return None
    return p[1:] if p.startswith("&") else p


def _pos(loc: Loc) -> tuple:
    return (loc.line, loc.col)


def _track_status_variable(fx: Facts, ev: Event) -> Facts:
    """`status = Call(...)`: follow the outcome, so paths on which an earlier step failed and a later
    `NT_SUCCESS(status)` test succeeds are dropped."""
    tgt = ev.target.strip() if ev.target is not None else None
    src = ev.expr.strip() if ev.expr is not None else None
    if tgt is None or src is None or src.kind != "call" or tgt.kind != "name" or "STATUS" not in tgt.type.upper():
        return fx
    fx, key = track_call_status(fx, ev, src)
    return fx.alias(tgt.name, key)


class SocketModel:
    def __init__(self, program):
        self.program = program
        self._values: dict = {}
        self._defs: dict = {}
        self._params: dict = {}
        self._decoded: dict = {}     # id(op) -> decode(op); ops live as long as the model
        self._ops_in: dict = {}
        self._lifting: set = set()

    # -- call graph pieces ----------------------------------------------------------------------------
    @property
    def callers(self) -> dict[str, list]:
        return self.program.callers

    @cached_property
    def _error_lines(self) -> dict:
        return {m.path: m.error_lines for m in self.program.files if getattr(m, "error_lines", None)}

    def has_errors(self, fn: Function) -> bool:
        """Whether parse errors remain inside `fn`: statements may be missing from its model, so conclusions
        drawn from the absence of a call or store there are unsafe."""
        return any(fn.loc.line <= ln <= fn.end_line for ln in self._error_lines.get(fn.file, ()))

    def _pi(self, fn: Function, name: str) -> int | None:
        """`fn.param_index(name)`, through a per-function table (it is asked very often)."""
        t = self._params.get(fn.key)
        if t is None:
            t = self._params[fn.key] = {p.name: i for i, p in reversed(list(enumerate(fn.params)))}
        return t.get(name)

    def owner(self, name: str, fn: Function | None) -> Function | None:
        """The function (or enclosing function of a lambda) that declares `name`, else None."""
        f = fn
        while f is not None:
            if name in f.locals or self._pi(f, name) is not None:
                return f
            f = self.program.functions.get(f.parent) if f.parent else None
        return None

    # -- values -----------------------------------------------------------------------------------------
    def values(self, expr: Expr | None, fn: Function, depth: int = MAX_RESOLVE) -> frozenset:
        """Possible integer values of `expr` in `fn` (None in the set: unknown on some path)."""
        if expr is None:
            return frozenset({None})
        out = set()
        for b in self.resolve(expr, fn, depth):
            e = b.expr.strip()
            if e.value is None and e.kind == "binop" and e.op in _FOLD and len(e.kids) == 2 and depth > 0:
                left, right = self.values(e.kids[0], b.fn, depth - 1), self.values(e.kids[1], b.fn, depth - 1)
                if None in left or None in right or len(left) * len(right) > 16:
                    out.add(None)
                else:
                    out.update(_FOLD[e.op](x, y) for x in left for y in right)
                continue
            out.add(e.value)
        return frozenset(out) or frozenset({None})

    def resolve(self, expr: Expr, fn: Function, depth: int = MAX_RESOLVE) -> list[Bound]:
        """What `expr` may stand for: parameters replaced by the arguments of every call site, locals
        assigned exactly once by what they were assigned, conditionals split. Unresolvable leaves stay."""
        key = (id(expr), fn.key, depth)
        if key in self._values:
            return self._values[key]
        self._values[key] = [Bound(expr, fn)]      # cycle guard
        e = expr.strip()
        res: list[Bound]
        if e.value is not None:
            res = [Bound(e, fn)]
        elif e.kind == "cond" and len(e.kids) == 3:
            res = self.resolve(e.kids[1], fn, depth) + self.resolve(e.kids[2], fn, depth)
        elif e.kind == "name" and depth > 0:
            res = self._resolve_name(e, fn, depth)
        else:
            res = [Bound(e, fn)]
        self._values[key] = res
        return res

    def _resolve_name(self, e: Expr, fn: Function, depth: int) -> list[Bound]:
        own = self.owner(e.name, fn)
        if own is None:
            g = self.global_var(e.name)
            if g is not None and g.init is not None and e.name not in self._assigned_globals \
                    and g.init.kind != "init":
                return self.resolve(g.init, fn, depth - 1)
            return [Bound(e, fn)]
        i = self._pi(own, e.name)
        if i is not None:
            sites = self.callers.get(own.key, [])
            if not sites:
                return [Bound(e, own)]
            out = []
            for caller, _, call in sites:
                args = call.args
                out.extend(self.resolve(args[i], caller, depth - 1) if i < len(args) else [Bound(e, own)])
            return out
        defs = self._local_defs(own).get(e.name)
        if not defs:
            return [Bound(e, own)]
        out = []
        for d in defs:
            out.extend(self.resolve(d, own, depth - 1) if d is not None else [Bound(e, own)])
        return out

    def global_var(self, name: str):
        """The definition of a global (the one with an initialiser when `extern` declarations repeat it)."""
        gs = self.program.globals.get(name)
        if not gs:
            return None
        with_init = [g for g in gs if g.init is not None]
        if len(with_init) == 1:
            return with_init[0]
        defs = [g for g in gs if g.storage != "extern"]
        return defs[0] if len(defs) == 1 else (gs[0] if len(gs) == 1 else None)

    def _local_defs(self, fn: Function) -> dict[str, list]:
        """local -> the expressions assigned to it (None: an update we cannot follow, or its address escapes)."""
        cache = self._defs
        if fn.key in cache:
            return cache[fn.key]
        defs: dict[str, list] = {}
        for _, ev in fn.events():
            if ev.kind in ("assign", "decl") and ev.target is not None:
                t = ev.target.strip()
                if t.kind == "name" and t.name in fn.locals:
                    if ev.kind == "decl" and ev.expr is None:
                        continue
                    ok = ev.op in ("=", "") and ev.expr is not None
                    defs.setdefault(t.name, []).append(ev.expr if ok else None)
            if ev.expr is not None:
                # an option's InputBuffer is only read
                reads = {id(b.strip()) for c in ev.expr.calls() if wsk_name(c) in ("WskControlSocket",
                                                                                   "WskControlClient")
                         for p, b in zip(wsk.PROVIDER_FUNCTIONS[wsk_name(c)], c.args) if p == "InputBuffer"}
                for n in ev.expr.walk():
                    if id(n) in reads:
                        continue
                    if n.kind == "unop" and n.op in ("&", "++", "--", "post++", "post--") and n.kids:
                        k = n.kids[0].strip()
                        if k.kind == "name" and k.name in fn.locals:
                            defs.setdefault(k.name, []).append(None)
        cache[fn.key] = defs
        return defs

    @cached_property
    def _assigned_globals(self) -> set:
        out = set()
        for fn in self.program.functions.values():
            for _, ev in fn.events():
                if ev.kind == "assign" and ev.target is not None:
                    r = ev.target.root()
                    if r and self.owner(r, fn) is None:
                        out.add(r)
        return out

    # -- places and socket flow ---------------------------------------------------------------------
    def place(self, e: Expr | None, fn: Function) -> tuple | None:
        """A key for the storage an expression designates (see the module docstring)."""
        if e is None:
            return None
        e = e.strip()
        if e.kind == "name":
            own = self.owner(e.name, fn)
            if own is not None:
                return ("L", own.key, e.name)
            return ("G", e.name) if e.ref in ("global", "unknown", "stub", "") or e.name in self.program.globals \
                else None
        if e.kind == "member":
            struct = e.ref if e.ref and not e.ref.startswith("(anonymous") else "?"
            return ("F", struct, e.name)
        if e.kind == "unop" and e.op == "*" and e.kids:
            k = e.kids[0].strip()
            if k.kind == "name":
                own = self.owner(k.name, fn)
                return ("D", own.key, k.name) if own is not None else None
            return None
        if e.kind == "index" and e.kids:
            return self.place(e.kids[0], fn)
        return None

    @cached_property
    def origins(self) -> list[Origin]:
        return list(self._flow[0])

    @cached_property
    def _flow(self):
        """(origins, place -> frozenset of origins).

        A socket made inside a wrapper whose category or family comes from the wrapper's parameters, and
        that leaves it through an out-parameter or the return value, gets one origin per call site
        (`Create(&tcp, WSK_FLAG_CONNECTION_SOCKET)`, `Create(&udp, WSK_FLAG_DATAGRAM_SOCKET)`), so the
        callers' variables hold sockets of one category each."""
        edges: dict = {}
        seeds: dict = {}
        outs: dict = {}          # out edge (src, dst) -> (wrapper key, call expr) for out-params / returns
        origins: list[Origin] = []
        creators = self._creators
        made: dict[int, Origin] = {}

        def origin_for(call_ev, fn):
            o = made.get(id(call_ev.expr))
            if o is None:
                o = self._make_origin(call_ev, fn)
                made[id(call_ev.expr)] = o
                origins.append(o)
            return o

        def add(src, dst, out=None):
            if src is not None and dst is not None and src != dst:
                edges.setdefault(src, set()).add(dst)
                if out is not None:
                    outs.setdefault((src, dst), set()).add(out)

        def sources(e: Expr, fn: Function) -> list:
            e = e.strip()
            if e.kind == "cond" and len(e.kids) == 3:
                return sources(e.kids[1], fn) + sources(e.kids[2], fn)
            irp = _is_information_read(e)
            if irp is not None:
                hit = self._creation_for(irp, e.loc, fn, creators)
                return [origin_for(ev, f) for ev, f in hit]
            if e.kind == "call":
                g = self.program.callee(e, fn)
                return [("R", g.key, e)] if g is not None and g.blocks else []
            p = self.place(e, fn)
            return [p] if p is not None else []

        def link(srcs, tgt):
            for s_ in srcs:
                if isinstance(s_, Origin):
                    seeds.setdefault(tgt, set()).add(s_)
                elif s_[0] == "R" and len(s_) == 3:
                    add(s_[:2], tgt, (s_[1], s_[2]))
                else:
                    add(s_, tgt)

        for fn in self.program.functions.values():
            for _, ev in fn.events():
                if ev.kind in ("assign", "decl") and ev.expr is not None and ev.target is not None \
                        and ev.op in ("=", ""):
                    link(sources(ev.expr, fn), self.place(ev.target, fn))
                elif ev.kind == "return" and ev.expr is not None:
                    link(sources(ev.expr, fn), ("R", fn.key))
                if ev.kind != "call":
                    continue
                call = ev.expr
                g = self.program.callee(call, fn)
                if g is None or not g.blocks:
                    continue
                for i, a in enumerate(call.args):
                    if i >= len(g.params):
                        break
                    pname = g.params[i].name
                    add(self.place(a, fn), ("L", g.key, pname))
                    s_ = a.strip()
                    if s_.kind == "unop" and s_.op == "&" and s_.kids:
                        add(("D", g.key, pname), self.place(s_.kids[0], fn), (g.key, call))
                    elif s_.kind == "name":
                        own = self.owner(s_.name, fn)
                        if own is not None:
                            add(("D", g.key, pname), ("D", own.key, s_.name), (g.key, call))
        for fn, role in self.program.functions_with_role("event:WskAcceptEvent"):
            i = wsk.EVENT_CALLBACKS["WskAcceptEvent"].index("AcceptSocket")
            if i < len(fn.params):
                o = Origin("accept_event", fn, None, None, fn.loc, categories=frozenset({"connection"}))
                origins.append(o)
                seeds.setdefault(("L", fn.key, fn.params[i].name), set()).add(o)

        blocked: dict = {}       # origin -> wrapper key whose out edges it no longer crosses
        at = self._propagate(seeds, edges, outs, blocked)
        for _ in range(3):
            added = False
            for o in list(origins):
                home = o.home
                if o.kind not in ("create", "socket_connect") or id(o) in blocked or home is None \
                        or not self._ambiguous(o):
                    continue
                leaving = [(src, dst, call) for (src, dst), ws in outs.items() for w, call in ws
                           if w == home.key and o in at.get(src, ())]
                if not leaving or any(p[0] in ("F", "G") for p, os_ in at.items() if o in os_):
                    continue
                blocked[id(o)] = home.key
                for caller, ev, call in self.callers.get(home.key, []):
                    dsts = [dst for src, dst, c in leaving if c is call]
                    if not dsts:
                        continue
                    o2 = self._make_origin(o.event, o.fn, o.binds + ((home.key, caller, call, ev),))
                    origins.append(o2)
                    for d in dsts:
                        seeds.setdefault(d, set()).add(o2)
                    added = True
            if not added:
                break
            at = self._propagate(seeds, edges, outs, blocked)
        return origins, {k: frozenset(v) for k, v in at.items()}

    @staticmethod
    def _propagate(seeds, edges, outs, blocked) -> dict:
        at: dict = {}
        work = []
        for p, os_ in seeds.items():
            if p is None:
                continue
            at[p] = set(os_)
            work.append(p)
        while work:
            p = work.pop()
            for q in edges.get(p, ()):
                moving = at[p]
                ws = outs.get((p, q))
                if ws and blocked:
                    keys = {w for w, _ in ws}
                    moving = {o for o in moving if blocked.get(id(o)) not in keys}
                cur = at.setdefault(q, set())
                new = moving - cur
                if new:
                    cur |= new
                    work.append(q)
        return at

    @staticmethod
    def _ambiguous(o: Origin) -> bool:
        return any(len(s) > 1 or None in s for s in (o.categories, o.families, o.client_tables))

    def origins_of(self, e: Expr | None, fn: Function) -> frozenset:
        """The sockets `e` (in `fn`) may hold."""
        if e is None:
            return frozenset()
        s = e.strip()
        if s.kind == "cond" and len(s.kids) == 3:
            return self.origins_of(s.kids[1], fn) | self.origins_of(s.kids[2], fn)
        irp = _is_information_read(s)
        if irp is not None:
            by_call = {id(o.call): o for o in self.origins if o.call is not None}
            return frozenset(by_call[id(ev.expr)] for ev, f in self._creation_for(irp, s.loc, fn, self._creators)
                             if id(ev.expr) in by_call)
        p = self.place(s, fn)
        return self._flow[1].get(p, frozenset()) if p is not None else frozenset()

    def handles(self, origin: Origin) -> set:
        """Places that may hold `origin`."""
        return self._handles.get(id(origin), set())

    @cached_property
    def _handles(self) -> dict:
        out: dict = {}
        for p, os_ in self._flow[1].items():
            for o in os_:
                out.setdefault(id(o), set()).add(p)
        return out

    # -- creation sites -----------------------------------------------------------------------------
    @cached_property
    def _creators(self) -> dict:
        """fn key -> [(position, name, irp path, event)] of IRP-taking WSK calls, in source order."""
        out: dict = {}
        for fn in self.program.functions.values():
            lst = []
            for _, ev in fn.calls():
                n = wsk_name(ev.expr)
                if n is None:
                    continue
                params = wsk.PROVIDER_FUNCTIONS.get(n)
                if not params or "Irp" not in params:
                    continue
                i = params.index("Irp")
                args = ev.expr.args
                if i < len(args):
                    lst.append((_pos(ev.loc), n, _irp_path(args[i]), ev))
            lst.sort(key=lambda t: t[0])
            if lst:
                out[fn.key] = lst
        return out

    def _creation_for(self, irp: Expr, loc: Loc, fn: Function, creators: dict) -> list:
        """The creation call(s) whose IRP `irp` (read at `loc` in `fn`) completed: the last IRP-taking WSK
        call on that IRP before the read in the same function, else in a sibling lambda of a sync wrapper,
        else where the IoCompletion routine reading it was set on an IRP."""
        path = _irp_path(irp)
        if path is None:
            return []
        last = None
        for pos, name, p, ev in creators.get(fn.key, ()):
            if p == path and pos < _pos(loc):
                last = (name, ev)
        if last is not None:
            return [(last[1], fn)] if last[0] in wsk.SOCKET_CREATORS else []
        root = irp.strip().root()
        if root is None or self._pi(fn, root) is None:
            return []
        out = []
        if fn.parent:
            for sib in self._sibling_lambdas(fn):
                for pos, name, p, ev in creators.get(sib.key, ()):
                    if name in wsk.SOCKET_CREATORS and sib.params and p == sib.params[0].name:
                        out.append((ev, sib))
            return out
        for site_fn, site_ev, irp_arg in self._completion_sites(fn):
            ipath = _irp_path(irp_arg)
            best = None
            for pos, name, p, ev in creators.get(site_fn.key, ()):
                if p == ipath and pos > _pos(site_ev.loc) and best is None:
                    best = (name, ev)
            if best is not None and best[0] in wsk.SOCKET_CREATORS:
                out.append((best[1], site_fn))
        return out

    def _sibling_lambdas(self, lam: Function) -> list[Function]:
        out = []
        parent = self.program.functions.get(lam.parent)
        if parent is None:
            return out
        for _, ev in parent.events():
            if ev.expr is None:
                continue
            for c in ev.expr.calls():
                keys = [a.name for a in c.args if a.kind == "lambda"]
                if lam.key in keys:
                    out.extend(self.program.functions[k] for k in keys
                               if k != lam.key and k in self.program.functions)
        return out

    def _completion_sites(self, routine: Function) -> list:
        """(fn, IoSetCompletionRoutine event, IRP argument) for each place that sets `routine`."""
        out = []
        for r in self.program.roles.get(routine.key, ()):
            if r.kind != "completion":
                continue
            for fn in self.program.functions.values():
                if fn.file != r.loc.file:
                    continue
                for _, ev in fn.calls():
                    if ev.loc == r.loc and ev.expr.args:
                        out.append((fn, ev, ev.expr.args[0]))
        return out

    def _make_origin(self, ev: Event, fn: Function, binds: tuple = ()) -> Origin:
        call = ev.expr
        name = wsk_name(call)
        a = {p: call.args[i] for i, p in enumerate(wsk.PROVIDER_FUNCTIONS[name]) if i < len(call.args)}

        def vals(p):
            if p not in a:
                return frozenset({None})
            return frozenset(b.expr.strip().value for b in self.resolve_in(a[p], fn, binds)) or frozenset({None})

        if name == "WskSocket":
            cats = frozenset(None if v is None else wsk.SOCKET_CATEGORIES.get(wsk.u32(v), "invalid")
                             for v in vals("Flags"))
            return Origin("create", fn, ev, call, ev.loc, categories=cats, families=vals("AddressFamily"),
                          types=vals("SocketType"), protocols=vals("Protocol"),
                          client_tables=self._client_tables(a.get("Dispatch"), fn, binds), binds=binds)
        if name == "WskSocketConnect":
            fams = frozenset(ai.family for b in self.resolve_in(a["LocalAddress"], fn, binds)
                             for ai in self.addresses(b)) if "LocalAddress" in a else frozenset({None})
            return Origin("socket_connect", fn, ev, call, ev.loc, categories=frozenset({"connection"}),
                          families=fams or frozenset({None}), types=vals("SocketType"), protocols=vals("Protocol"),
                          client_tables=self._client_tables(a.get("Dispatch"), fn, binds), binds=binds)
        return Origin("accept", fn, ev, call, ev.loc, categories=frozenset({"connection"}), binds=binds)

    def creation(self, op: Op) -> Origin:
        """The socket a WskSocket / WskSocketConnect op asks for, its arguments read through the op's call
        chain (whether or not the new socket is ever used)."""
        return self._make_origin(op.chain[-1][1], op.inner, op.binds_for(op.inner))

    def resolve_in(self, expr: Expr, fn: Function, binds: tuple = ()) -> list[Bound]:
        """`resolve`, with the parameters of specialised call sites (see `Origin.binds`) bound first."""
        if not binds:
            return self.resolve(expr, fn)
        e = expr.strip()
        key, caller, call, _ = binds[0]
        if e.kind == "cond" and len(e.kids) == 3:
            return self.resolve_in(e.kids[1], fn, binds) + self.resolve_in(e.kids[2], fn, binds)
        if e.kind == "name":
            own = self.owner(e.name, fn)
            if own is not None and own.key == key:
                i = self._pi(own, e.name)
                if i is not None:
                    return self.resolve_in(call.args[i], caller, binds[1:]) if i < len(call.args) else [Bound(e, own)]
                defs = self._local_defs(own).get(e.name)
                if defs and None not in defs:
                    return [r for d in defs for r in self.resolve_in(d, own, binds)]
        return self.resolve(e, fn)

    def _client_tables(self, e: Expr | None, fn: Function, binds: tuple = ()) -> frozenset:
        if e is None:
            return frozenset({None})
        out = set()
        for b in self.resolve_in(e, fn, binds):
            s = b.expr.strip()
            if s.value == 0:
                out.add("NULL")
                continue
            if s.kind == "unop" and s.op == "&" and s.kids:
                s = s.kids[0].strip()
            t = table_type(s.type) if s.type else None
            if t is None and s.kind == "name":
                own = self.owner(s.name, b.fn)
                var = own.locals.get(s.name) if own is not None else None
                if var is None and own is None:
                    var = self.global_var(s.name)
                t = table_type(var.type) if var is not None else None
            out.add(t)
        return frozenset(out) or frozenset({None})

    # -- operations -----------------------------------------------------------------------------------
    def ops_in(self, fn: Function, depth: int = MAX_LIFT) -> list[Op]:
        """The WSK operations `fn` performs, directly or through helpers (in source order per event)."""
        key = (fn.key, depth)
        if key in self._ops_in:
            return self._ops_in[key]
        if fn.key in self._lifting:
            return []
        self._lifting.add(fn.key)
        out: list[Op] = []
        for _, ev in fn.events():
            if ev.kind != "call":
                continue
            out.extend(self._ops_at_event(fn, ev, depth))
        self._lifting.discard(fn.key)
        self._ops_in[key] = out
        return out

    def _ops_at_event(self, fn: Function, ev: Event, depth: int) -> list[Op]:
        call = ev.expr
        name = wsk_name(call)
        if name is not None:
            if name not in wsk.PROVIDER_FUNCTIONS:
                return []
            params = wsk.PROVIDER_FUNCTIONS[name]
            args = {p: Bound(call.args[i], fn) for i, p in enumerate(params) if i < len(call.args)}
            op = Op(name, fn, ev, ((fn, ev),), call, fn, args, table=self._table_of(call))
            sp = wsk.SOCKET_PARAM.get(name)
            if sp and sp in args and name not in wsk.CLIENT_LEVEL:
                op.origins = self.origins_of(args[sp].expr, fn)
            return [op]
        if depth <= 0:
            return []
        out = []
        g = self.program.callee(call, fn)
        targets = [g] if g is not None and g.blocks else []
        targets += [self.program.functions[a.name] for a in call.args
                    if a.kind == "lambda" and a.name in self.program.functions]
        for h in targets:
            for op in self.ops_in(h, depth - 1):
                out.append(self._lift(op, fn, ev, h))
        return out

    def _lift(self, op: Op, fn: Function, ev: Event, callee: Function) -> Op:
        call = ev.expr
        args = {}
        for p, b in op.args.items():
            args[p] = self._bind(b, callee, call, fn)
        new = Op(op.name, fn, ev, ((fn, ev),) + op.chain, op.call, op.inner, args, op.origins, op.table)
        sp = wsk.SOCKET_PARAM.get(op.name)
        if sp and sp in args and op.name not in wsk.CLIENT_LEVEL and args[sp].fn is fn:
            more = self.origins_of(args[sp].expr, fn)
            if more:
                new.origins = more
        return new

    def _bind(self, b: Bound, callee: Function, call: Expr, fn: Function) -> Bound:
        if b.fn is not callee:
            return b
        s = b.expr.strip()
        if s.kind == "name":
            i = self._pi(callee, s.name)
            if i is not None and i < len(call.args):
                return Bound(call.args[i], fn)
        return b

    def _table_of(self, call: Expr) -> str | None:
        """The provider table a dispatch call goes through: the nearest table-typed node under the member."""
        cal = call.callee
        if cal is None or cal.kind != "member" or not cal.kids:
            return None
        e = cal.kids[0]
        while e is not None:
            if e.kind == "cast":
                t = table_type(e.ref or e.type)
                if t:
                    return t
            elif e.type:
                t = table_type(e.type)
                if t and not (e.kind == "member" and (e.name in ("", "Basic"))):
                    return t
            if e.kind == "member" and e.name in ("", "Basic") and e.kids:
                e = e.kids[0]
                continue
            if e.kind == "cast" and e.kids:
                e = e.kids[0]
                continue
            return None
        return None

    @cached_property
    def ops(self) -> list[Op]:
        """Every operation, from every function (direct and lifted)."""
        out = []
        for fn in self.program.functions.values():
            out.extend(self.ops_in(fn))
        return out

    def decode(self, op: Op) -> tuple:
        """(request, name) of a control call: request 'option' | 'get' | 'ioctl' | 'client' | None, name
        the option / ioctl / client control (None when not a known constant)."""
        got = self._decoded.get(id(op))
        if got is None:
            got = self._decoded[id(op)] = self._decode(op)
        return got

    def _decode(self, op: Op) -> tuple:
        if op.name == "WskControlClient":
            b = op.arg("ControlCode")
            return "client", self._single_name(b, wsk.CLIENT_CONTROLS, op)
        if op.name != "WskControlSocket":
            return None, None
        rt = self._single(op.arg("RequestType"), op)
        if rt is None:
            return None, None
        code_b = op.arg("ControlCode")
        if rt == wsk.CONTROL_SOCKET_TYPES["WskIoctl"]:
            return "ioctl", self._single_name(code_b, wsk.SOCKET_IOCTLS, op)
        level = self._single(op.arg("Level"), op)
        code = self._single(code_b, op)
        name = None
        if code is not None and level is not None:
            for k, (lv, cv) in wsk.SOCKET_OPTIONS.items():
                if lv == wsk.u32(level) and cv == wsk.u32(code):
                    name = k
        req = "option" if rt == wsk.CONTROL_SOCKET_TYPES["WskSetOption"] else "get"
        return req, name

    def decided(self, op: Op, *bounds: Bound | None) -> bool:
        """Whether the values of `bounds` are decided within `op`'s call chain (not by `op.fn`'s callers):
        then `op` is the place to judge them, and `op.site(*bounds)` the place to report."""
        fns = {id(f) for f, _ in op.chain}
        for b in bounds:
            if b is None:
                continue
            if any(id(r.fn) not in fns for r in self.resolve(b.expr, b.fn)):
                return False
        return True

    def irp_state(self, b: Bound | None) -> str | None:
        """'null' when the Irp argument is NULL on every path, 'set' when it never is, else None."""
        if b is None:
            return None
        res = self.resolve(b.expr, b.fn)
        vals = [r.expr.strip().value for r in res]
        if res and all(v == 0 for v in vals):
            return "null"
        def unknown_param(r):
            e = r.expr.strip()
            return e.kind == "name" and self._pi(r.fn, e.name) is not None

        if res and all(v is None or v != 0 for v in vals) and not any(unknown_param(r) for r in res):
            return "set"
        return None

    def level_of(self, op: Op) -> int | None:
        v = self._single(op.arg("Level"), op)
        return None if v is None else wsk.u32(v)

    def _single(self, b: Bound | None, op: Op | None = None) -> int | None:
        if b is None:
            return None
        binds = op.binds_for(b.fn) if op is not None else ()
        vs = {r.expr.strip().value for r in self.resolve_in(b.expr, b.fn, binds)} if binds else \
            self.values(b.expr, b.fn)
        return next(iter(vs)) if len(vs) == 1 else None

    def _single_name(self, b: Bound | None, table: dict, op: Op | None = None) -> str | None:
        v = self._single(b, op)
        if v is not None:
            return const_name(v, table)
        if b is not None:
            s = b.expr.strip()
            if s.kind == "name" and s.name in table:   # headers missing: the macro is an identifier
                return s.name
        return None

    def input_value(self, op: Op, fx: Facts | None = None, walk_fn: Function | None = None) -> int | None:
        """The integer an option's InputBuffer points to (`&on` with `on` a constant), if known: from the
        path facts of the walked function, else through the op's call sites."""
        b = op.arg("InputBuffer")
        if b is None:
            return None
        s = b.expr.strip()
        if not (s.kind == "unop" and s.op == "&" and s.kids and s.kids[0].strip().kind == "name"):
            return None
        var = s.kids[0].strip()
        if fx is not None and walk_fn is b.fn and fx.const(var.name) is not None:
            return fx.const(var.name)
        vals = set()
        for r in self.resolve_in(var, b.fn, op.binds_for(b.fn)):
            e = r.expr.strip()
            v = e.value
            if v is None and fx is not None and r.fn is walk_fn and e.kind == "name":
                v = fx.const(e.name)
            vals.add(v)
        return vals.pop() if len(vals) == 1 else None

    # -- typestate -----------------------------------------------------------------------------------
    @cached_property
    def visits(self) -> list[Visit]:
        out: list[Visit] = []
        seen = set()
        for origin in self.origins:
            for root, start in self._roots(origin):
                for v in self._walk(origin, root, start):
                    k = (id(v.op.event), id(v.op.call), id(origin), v.state)
                    if k not in seen:
                        seen.add(k)
                        out.append(v)
        return out

    def _roots(self, origin: Origin) -> list:
        """(function, start event) pairs to walk for `origin`: the creating function, and callers of
        the functions it is created in (through helpers), where the creation appears as a lifted op."""
        if origin.kind == "accept_event":
            return [(origin.fn, None)]
        out = []
        for fn in self._creating_fns.get(id(origin.call), ()):
            ops = self.ops_in(fn)
            start = next((op.event for op in ops if origin.created_by(op)), None)
            if start is None:
                continue
            if any(op.origins == frozenset({origin}) and op.event is not start for op in ops):
                out.append((fn, start))
        return out

    @cached_property
    def _creating_fns(self) -> dict:
        """id(creation call) -> functions whose operations (direct or lifted) include that call."""
        out: dict = {}
        for fn in self.program.functions.values():
            for op in self.ops_in(fn):
                if op.name in wsk.SOCKET_CREATORS:
                    lst = out.setdefault(id(op.call), [])
                    if not lst or lst[-1] is not fn:
                        lst.append(fn)
        return out

    def _walk(self, origin: Origin, fn: Function, start: Event | None) -> list[Visit]:
        out: list[Visit] = []
        at = {}
        for op in self.ops_in(fn):
            at.setdefault(id(op.event), []).append(op)
        hold = self.handles(origin)
        containers = {p[1] for p in hold if p[0] == "F"}
        initial = frozenset({"created"}) if origin.kind in ("create",) else \
            frozenset({"created", "bound", "connected"}) if origin.kind == "socket_connect" else \
            frozenset({"accepted", "bound", "connected"})
        if self.has_errors(fn):
            initial = initial | {"unknown"}

        def step(st, fx, ev, tr):
            if ev.kind != "call":
                if st is not None and ev.kind in ("assign", "decl"):
                    fx = _track_status_variable(fx, ev)
                return st, fx, tr
            if st is not None and "unknown" not in st:
                g = self.program.callee(ev.expr, fn)
                if g is not None and self.has_errors(g):
                    st = st | {"unknown"}
            ops = at.get(id(ev))
            if not ops:
                if st is not None and "unknown" not in st and self._escapes(ev, fn, hold, containers):
                    st = st | {"unknown"}
                return st, fx, tr
            for op in ops:
                if origin.created_by(op):
                    st = initial
                    tr = (Step(op.loc, f"{origin.describe()}"),)
                    continue
                if st is None or origin not in op.origins:
                    continue
                if len(op.origins) > 1:
                    st = st | {"unknown"}
                    continue
                out.append(Visit(op, origin, st, tr))
                new = self._apply(st, op, fx, fn)
                if new != st:
                    tr = tr + (Step(op.loc, self._describe_change(op, new - st)),)
                st = new
            return st, fx, tr

        # from the entry (not the creation) so local constants assigned before it are known
        if start is None:
            Walk(fn, step).run(fn.entry, 0, initial, Facts(), (Step(fn.loc, origin.describe()),))
        else:
            Walk(fn, step).run(fn.entry, 0, None, Facts())
        return out

    def _apply(self, st: frozenset, op: Op, fx: Facts, fn: Function) -> frozenset:
        n = op.name
        if n == "WskBind":
            return st | {"bound"}
        if n in ("WskConnect", "WskConnectEx"):
            return st | {"connected"}
        if n == "WskListen":
            return st | {"listening"}
        if n == "WskDisconnect":
            return st | {"disconnected"}
        if n == "WskCloseSocket":
            return st | {"closed"}
        if n == "WskControlSocket":
            req, name = self.decode(op)
            if req == "option" and name:
                v = self.input_value(op, fx, fn)
                return frozenset(f for f in st if not (isinstance(f, tuple) and f[1] == name)) | {("opt", name, v)}
        return st

    def _describe_change(self, op: Op, added: frozenset) -> str:
        for f in added:
            if isinstance(f, tuple):
                v = "?" if f[2] is None else f[2]
                return f"option {f[1]} set to {v} here"
        what = sorted(f for f in added if isinstance(f, str))
        return f"{' and '.join(what)} here ({op.name})"

    def _escapes(self, ev: Event, fn: Function, hold: set, containers: set) -> bool:
        """Whether a call we cannot see into receives the socket or a structure holding it."""
        call = ev.expr
        if call.ref == "api" or wsk_name(call):
            return False
        if call.op in ("direct", "method"):
            # the driver's own functions are followed; an undeclared name is a stubbed library routine
            g = self.program.callee(call, fn)
            if (g is not None and g.blocks) or call.name not in self._declared:
                return False
        for a in call.args:
            s = a.strip()
            if self.place(s, fn) in hold:
                return True
            if s.type and s.type.replace("*", "").replace("const ", "").strip().lstrip("P_") in \
                    {c.lstrip("P_") for c in containers}:
                return True
        return False

    @cached_property
    def _declared(self) -> set:
        """Functions the driver declares (prototypes) or defines."""
        out = set(self.program.by_name)
        for m in self.program.files:
            out.update(d.name for d in m.decls)
        return out

    @cached_property
    def late_client_controls(self) -> list[tuple[Op, Op]]:
        """(client control that must precede any socket, a socket creation before it on some path)."""
        out = []
        seen = set()
        for fn in self.program.functions.values():
            ops = self.ops_in(fn)
            if not any(op.name == "WskControlClient" for op in ops) or \
                    not any(op.name in ("WskSocket", "WskSocketConnect") for op in ops):
                continue
            at = {}
            for op in ops:
                at.setdefault(id(op.event), []).append(op)

            def step(st, fx, ev, tr):
                for op in at.get(id(ev), ()):
                    if op.name in ("WskSocket", "WskSocketConnect") and st is None:
                        st = op
                    elif op.name == "WskControlClient" and st is not None:
                        req, name = self.decode(op)
                        if name in wsk.BEFORE_ANY_SOCKET and id(op.call) not in seen:
                            seen.add(id(op.call))
                            out.append((op, st))
                return st, fx, tr
            Walk(fn, step).run(fn.entry, 0, None, Facts())
        return out

    # -- event callback control blocks ------------------------------------------------------------------
    def control_blocks(self, op: Op) -> list[dict]:
        """The WSK_EVENT_CALLBACK_CONTROL an op's InputBuffer points to, once per distinct way the paths
        reaching the call filled it: {'EventMask': v, 'NpiId': v} where v is ('expr', Expr, Event|None)
        (assigned, or from the initialiser when the event is None), 'zero' (zero-filled), 'unset', or
        None (unknown: copied, or passed elsewhere)."""
        b = op.arg("InputBuffer")
        if b is None:
            return []
        s = b.expr.strip()
        if not (s.kind == "unop" and s.op == "&" and s.kids and s.kids[0].strip().kind == "name"):
            return []
        var = s.kids[0].strip().name
        fn, site = op.site(b)
        own = self.owner(var, fn)
        if own is None:
            g = self.global_var(var)
            return [self._block_init(g.init, "zero")] if g is not None else []
        if own is not fn:
            return []
        found: list = []
        target = site.expr

        def step(st, fx, ev, tr):
            if st is None:
                return st, fx, tr
            if ev.kind == "call" and ev.expr is target:
                found.append(st)
                return st, fx, tr
            if ev.kind == "decl" and ev.target is not None and ev.target.strip().name == var:
                init = ev.expr
                if init is None:
                    return ("unset", "unset"), fx, tr
                blk = self._block_init(init, "zero")
                return (blk["EventMask"], blk["NpiId"]), fx, tr
            if ev.kind == "assign" and ev.target is not None:
                t = ev.target.strip()
                if t.kind == "member" and t.kids and t.kids[0].strip().kind == "name" \
                        and t.kids[0].strip().name == var and ev.op == "=":
                    if t.name == "EventMask":
                        return (("expr", ev.expr, ev), st[1]), fx, tr
                    if t.name == "NpiId":
                        return (st[0], ("expr", ev.expr, ev)), fx, tr
                elif t.kind == "name" and t.name == var:
                    return (None, None), fx, tr
            if ev.kind == "call":
                c = ev.expr
                mine = [a for a in c.args if a.strip().kind == "unop" and a.strip().op == "&"
                        and a.strip().kids and a.strip().kids[0].strip().name == var]
                if mine:
                    if c.name in ("RtlZeroMemory", "memset", "RtlSecureZeroMemory"):
                        return ("zero", "zero"), fx, tr
                    return (None, None), fx, tr
            return st, fx, tr

        Walk(fn, step).run(fn.entry, 0, ("unset", "unset"), Facts())
        out, seen = [], set()
        for m, n in found:
            k = (repr(m[:2]) if isinstance(m, tuple) else m, repr(n[:2]) if isinstance(n, tuple) else n)
            if k not in seen:
                seen.add(k)
                out.append({"EventMask": m, "NpiId": n})
        return out

    @staticmethod
    def _block_init(init: Expr | None, rest) -> dict:
        out = {"EventMask": rest, "NpiId": rest}
        if init is None or init.kind != "init":
            return {"EventMask": None, "NpiId": None} if init is not None else out
        for i, item in enumerate(init.kids):
            name = item.name.split(".")[-1] if item.kind == "field_init" else ("NpiId", "EventMask")[i] \
                if i < 2 else ""
            val = item.kids[0] if item.kind == "field_init" and item.kids else item
            if name in out:
                out[name] = ("expr", val, None)
        return out

    def mask_value(self, v, fn: Function) -> int | None:
        """The integer a control-block field holds (see `control_blocks`), if constant."""
        if v == "zero":
            return 0
        if isinstance(v, tuple):
            vs = self.values(v[1], fn)
            return next(iter(vs)) if len(vs) == 1 else None
        return None

    # -- addresses ------------------------------------------------------------------------------------
    def addresses(self, b: Bound | None) -> list[AddressInfo]:
        if b is None:
            return []
        out = []
        for r in self.resolve(b.expr, b.fn):
            out.append(self._address(r))
        return out

    def _address(self, b: Bound) -> AddressInfo:
        e = b.expr.strip()
        info = AddressInfo(expr=b.expr, fn=b.fn)
        if e.kind == "unop" and e.op == "&" and e.kids:
            inner = e.kids[0].strip()
            sub = None
            if inner.kind == "member" and inner.op == "." and inner.kids and inner.name in ("Ipv4", "Ipv6"):
                sub = inner.name
                inner = inner.kids[0].strip()
            if inner.kind != "name":
                k = sockaddr_kind(inner.type) if inner.type else None
                if k:
                    info.kind, info.size = k
                return info
            info.var = inner.name
            k = sockaddr_kind(inner.type) if inner.type else None
            own = self.owner(inner.name, b.fn)
            var = own.locals.get(inner.name) if own is not None else None
            if var is None and own is None:
                var = self.global_var(inner.name)
            if k is None and var is not None:
                k = sockaddr_kind(var.type)
            if sub == "Ipv4":
                k = ("in4", 16)
            elif sub == "Ipv6":
                k = ("in6", 28)
            if k:
                info.kind, info.size = k
            if info.kind == "in4":
                info.family = wsk.AF_INET
            elif info.kind == "in6":
                info.family = wsk.AF_INET6
            if var is not None:
                info.loc = var.loc
                self._fill_address(info, var, own)
            return info
        k = sockaddr_kind(e.type) if e.type else None
        if k and e.kind == "name":
            info.kind, info.size = k
        return info

    def _fill_address(self, info: AddressInfo, var, own: Function | None):
        """Family, port, wildcard and v4-mapped facts from the initialiser and the stores in `own`."""
        fields: dict[str, list] = {}      # field -> [(value, fn)] from the initialiser
        stores: dict[str, list] = {}      # field -> [(value, fn)] stored later (they override the initialiser)
        zeroed = False
        init = var.init
        if init is not None and init.kind == "init":
            zeroed = True      # members not named in an initialiser list are zero
            names = wsk.SOCKADDR_FIELDS.get(info.kind or "", ())
            for i, item in enumerate(init.kids):
                if item.kind == "field_init":
                    fname = item.name.split(".")[-1]
                    val = item.kids[0] if item.kids else None
                else:
                    fname = names[i] if i < len(names) else ""
                    val = item
                if fname and val is not None:
                    fields.setdefault(fname, []).append((val, own))
        if own is not None:
            for _, ev in own.events():
                if ev.kind == "assign" and ev.target is not None and ev.expr is not None:
                    t = ev.target.strip()
                    if t.root() == info.var and t.kind == "member":
                        fname = t.name
                        if fname == "s_addr" or fname.startswith("S_un") or fname in ("u", "Byte", "Word"):
                            fname = "addr"
                        stores.setdefault(fname, []).append((ev.expr, own))
                elif ev.kind == "call":
                    c = ev.expr
                    if not c.args:
                        continue
                    a0 = c.args[0].strip()
                    mine = a0.kind == "unop" and a0.op == "&" and a0.kids and a0.kids[0].strip().root() == info.var
                    if not mine:
                        continue
                    if c.name in ("RtlZeroMemory", "memset", "RtlSecureZeroMemory", "RtlFillMemory"):
                        zeroed = True
                    elif c.name == "IN6ADDR_SETV4MAPPED":
                        info.v4mapped = True
                        info.wildcard = False
                        if len(c.args) > 3:
                            stores.setdefault("sin6_port", []).append((c.args[3], own))
                    elif c.name == "IN6ADDR_SETANY":
                        info.wildcard = True
                        stores.setdefault("sin6_port", []).append((Expr("const", "0", c.loc, value=0), own))
                    elif c.name in ("IN6ADDR_SETLOOPBACK", "IN4ADDR_SETLOOPBACK"):
                        info.wildcard = False
        fields.update(stores)
        fam = [v for k, lst in fields.items() if k.endswith("family") for v in lst]
        if fam and info.family is None:
            vals = {self._value_of(e, f) for e, f in fam}
            if len(vals) == 1:
                info.family = vals.pop()
        ports = [v for k, lst in fields.items() if k.endswith("_port") for v in lst]
        if ports:
            vals = {self._port_of(e, f) for e, f in ports}
            info.port = vals.pop() if len(vals) == 1 else None
        elif zeroed:
            info.port = 0
        if info.wildcard is None:
            addr = [v for k, lst in fields.items() if k in ("sin6_addr", "sin_addr", "addr") for v in lst]
            if addr:
                info.wildcard = all(self._zero(e) for e, _ in addr) or None
            elif zeroed:
                info.wildcard = True

    def _value_of(self, e: Expr, fn) -> int | None:
        if fn is None:
            return e.strip().value
        vs = self.values(e, fn)
        return next(iter(vs)) if len(vs) == 1 else None

    def _port_of(self, e: Expr, fn) -> int | None:
        s = e.strip()
        if s.kind == "call" and s.args and (s.name in wsk.BYTE_SWAP_FUNCTIONS or "byteswap" in s.name.lower()):
            v = self._value_of(s.args[0], fn)
            return None if v is None else v & 0xFFFF
        v = self._value_of(s, fn)
        if v is None:
            return None
        v &= 0xFFFF
        return ((v & 0xFF) << 8) | (v >> 8)    # a raw constant is in network byte order

    def _zero(self, e: Expr) -> bool:
        s = e.strip()
        if s.value is not None:
            return s.value == 0
        if s.kind == "init":
            return all(self._zero(k.kids[0] if k.kind == "field_init" and k.kids else k) for k in s.kids)
        if s.kind == "name" and s.name in ("in6addr_any", "in4addr_any"):
            return True
        return False
