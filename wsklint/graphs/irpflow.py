"""IRP flow: the lifecycle of every IRP a driver hands to WSK, path by path.

For each IRP value of a function -- a local (`irp`), a field path (`ctx->Irp`, `&Ctx->Irp` for an IRP
embedded in a context), a parameter -- the flow records its *origin* (IoAllocateIrp, IoInitializeIrp on
driver memory including stack IRPs, IoBuild*Request, an upper driver's IRP arriving in a dispatch
routine, or unknown), its *arming* (completion routine and InvokeOn* arguments), its *submissions* to
WSK, the *waits* that prove completion (on the event the completion routine signals, with the
STATUS_PENDING check), and *free / reuse / cancel*. A typestate walk (`analysis.paths.Walk`) follows
every path, refining the status the WSK call returned on each branch, and records *incidents*: the facts
the IRP rules report (freed while pending, submitted without a completion routine, a stack buffer still
in use when the function returns, ...), each with the trace that proves it.

Helpers are summarised. For every IRP key rooted in a parameter (or a global), or in the object the
helper returns (`^ctx->Irp` for `ctx = Alloc(); ...; return ctx;`, mapped to where the caller stores
the result; paths that return NULL are left out), a summary lists the alternative effects of the
helper's paths: the status it returns, the constraint it placed on a status parameter -- passed by
pointer (`if (*Status == STATUS_PENDING) wait`) or by value (`if (Status == STATUS_PENDING) { wait;
Status = Irp->IoStatus.Status; } return Status;`) --, the final IRP state, the events it waited on or
reset, what it released. A caller replays them at the call site (forking the path), so context structs
holding the IRP and its event (KSOCKET), synchronous wrappers (event + wait), wrappers that take the WSK
call as a function pointer or C++ lambda (ovpn-dco-win's `OvpnSocketSyncOp`: a function-pointer
parameter is bound to every function or lambda passed for it in the driver), allocation helpers that
return an armed context, and free-in-completion designs are understood. A helper that returns the status
it was given by value (`Summary.relay`) makes the caller's result that same status, completed when the
helper waited for it: after `st = WaitForIrp(ctx, Dispatch->WskBind(..., ctx->Irp))` the IRP has
completed and `st` is its final status. `Summary` also lists the fields of a returned object set from a
parameter on every path (`ret_fields`: `ctx->Async = Async`).

Completion routines have their own summary (`RoutineSummary`): frees the IRP or the context holding it
(always, or `may`), signals which event and whether only when `PendingReturned`, starts new requests,
returns which status on which path (through local constants, macros and helpers). Frees are
path-sensitive in two ways: a routine that frees only under `Irp->PendingReturned` leaves the IRP and
its context to the caller on the paths where the WSK call did not return STATUS_PENDING; a routine that
frees exactly when a context field is not NULL (`free_guard`, `if (ctx->Async) { ...; Free(ctx); }`)
owns the IRP at a submission where the caller knows that field is not NULL -- set by an allocation
helper from a pointer the caller tested or took the address of (`if (!Async) Async = &Default; ctx =
Alloc(Async);`). Completion routines also start with the IRP they complete in the completed state:
their `Irp` parameter and the IRP reached through their context (`IoSetCompletionRoutine(c->Irp, R, c,
...)` makes `Context->Irp` in R), so a re-submission there without IoReuseIrp is seen.

API, on `program.irpflow` (built on first use, then cached):

- `synchronous(fn, ev) -> bool | None`: for an IRP-carrying WSK call event, True when the request has
  completed (inline, or a wait proved it) before control leaves the code that issued it -- in `fn`, or,
  for a helper or lambda that submits an IRP it was given, in every caller that supplies the IRP; False
  when some path may leave with it still pending; None when the call carries no IRP.
- `submissions(fn) -> [Op]`: the IRP-carrying WSK calls of `fn` (`op.api` the WSK function, `op.key`
  the IRP, `op.ev` the call event).
- `routine(key) -> RoutineSummary | None`, `summary(fn) -> Summary`, `flow(fn) -> FunctionFlow`.
- `incidents(*kinds) -> [Incident]`: what the walks found, for the rules (see `KINDS`).
- `untimed_waits() -> {id(event): (fn, event, {wsk}, helper)}`: waits without a timeout that wait for a
  WSK request (a `KeWait*`, or a call to a helper that waits for it).
- `relay(call, fn) -> (index, completed) | None`: the call is to a helper that takes a status by value
  and returns it -- `completed` when it returns the status the request finished with, waiting when the
  call was pending (`st = WaitForIrp(ctx, Dispatch->WskBind(..., ctx->Irp))`); for `Walk(relay=...)`.
- `graph(fn) -> networkx.DiGraph`, `dump(fn, fmt)`: for `wsklint dump-irpflow`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ..analysis import status
from ..analysis.buffers import is_null, null_test
from ..analysis.calls import arg, wsk_name
from ..analysis.interproc import call_chains
from ..analysis.paths import STOP, Facts, Fork, Step, Walk, relay_status, status_of, track_call_status
from ..knowledge import irp as K
from ..knowledge.wsk import STATUS, status_name
from ..model import Event, Expr, Function, Loc
from ..program import function_ref

if TYPE_CHECKING:
    import networkx as nx

DRIVER_ORIGINS = ("allocate", "initialize", "reused")
KINDS = {
    "WSK001": ("submit_unarmed", "invoke_false", "routine_status"),
    "WSK002": ("free_inflight", "reuse_inflight", "resubmit_inflight", "access_inflight", "free_owned",
               "reuse_owned", "resubmit_owned", "access_owned", "double_free", "access_freed"),
    "WSK003": ("no_stack", "resubmit_used", "reuse_built", "free_upper"),
    "WSK004": ("exit_inflight", "release_inflight", "release_owned"),
    "WSK010": ("stale_wait", "timeout_abandon"),
}
MAX_ALTS = 6
_ROOT = re.compile(r"[A-Za-z_][\w:]*")


# -- keys: canonical text of the pointer expressions that designate IRPs, events and buffers ---------
def norm(p: str) -> str:
    while True:   # anonymous members ('Ctx->->Irp'), '&*x', '*&x'
        q = p.replace("->->", "->").replace("->.", "->").replace("..", ".").replace("&*", "").replace("*&", "")
        if q == p:
            return p
        p = q


def root_of(p: str | None) -> str | None:
    if not p:
        return None
    m = _ROOT.match(p.lstrip("&*"))
    return m.group() if m else None


def rebase(path: str, root: str, value: str) -> str:
    """`path` with its root variable `root` replaced by the pointer expression `value`."""
    body = path.lstrip("&*")
    prefix = path[:len(path) - len(body)]
    m = _ROOT.match(body)
    if not m or m.group() != root:
        return path
    rest = body[m.end():]
    if rest.startswith("->") and value.startswith("&"):
        new = value[1:] + "." + rest[2:]
    else:
        new = value + rest
    return norm(prefix + new)


def _aliases(fn: Function) -> dict[str, str]:
    """Locals assigned once from an access path (`PIRP irp = ctx->Irp`, `auto c = (CTX *)Context`)."""
    count: dict[str, int] = {}
    value: dict[str, Expr] = {}
    for _, ev in fn.events():
        if ev.kind not in ("assign", "decl") or ev.target is None:
            continue
        t = ev.target.strip()
        if t.kind != "name" or t.name not in fn.locals or (ev.kind == "decl" and ev.expr is None):
            continue
        count[t.name] = count.get(t.name, 0) + (1 if ev.op in ("=", "") else 2)
        if ev.expr is not None:
            value[t.name] = ev.expr
    out = {}
    for name, e in value.items():
        s = e.strip()
        if count.get(name) == 1 and s.kind in ("name", "member", "unop", "index") and s.path():
            out[name] = norm(s.path())
    for _ in range(4):   # resolve chains (a = b; b = ctx->Irp)
        for name, p in out.items():
            r = root_of(p)
            if r in out and r != name:
                out[name] = rebase(p, r, out[r])
    return out


def key_of(e: Expr | None, aliases: dict) -> str | None:
    if e is None:
        return None
    s = e.strip()
    if s.value is not None and s.kind in ("const", "cast"):
        return None
    p = s.path()
    if p is None:
        return None
    p = norm(p)
    r = root_of(p)
    if r in aliases:
        p = rebase(p, r, aliases[r])
    return p


def _const(e: Expr | None) -> int | None:
    return e.strip().value if e is not None else None


# -- operations ------------------------------------------------------------------------------------
@dataclass(eq=False)
class Op:
    kind: str                     # origin|init|reuse|free|cancel|complete|arm|submit|access|call|wait|
    ev: Event                     # event_set|event_reset|release
    key: str | None = None        # the IRP (None: applies to every IRP of the function)
    api: str = ""                 # kernel routine, WSK function or helper name
    call: Expr | None = None
    obj: str | None = None        # the event waited on / reset, the object released
    value: int | None = None      # stack locations, event type
    routine: str | None = None    # completion routine key ('' when not in the driver)
    context: str | None = None
    invoke: tuple = ()
    timeout: str = ""             # wait: '' untimed | 'timed'
    keeps: tuple = ()             # submit: (kind, key) the request uses until it completes
    callees: tuple = ()           # call: the helper bodies (several for a function-pointer parameter)
    origin: str = ""              # origin: allocate|build|other
    what: str = ""                # release: pool_free|mdl_unlock|mdl_free
    loc: Loc | None = None

    def __post_init__(self):
        if self.loc is None:
            self.loc = self.ev.loc


class FunctionFlow:
    """The IRP-relevant operations of one function, by event, and the keys they concern."""

    def __init__(self, db: IrpFlow, fn: Function):
        self.db, self.fn = db, fn
        self.aliases = _aliases(fn)
        self.ops: dict[int, list[Op]] = {}
        self.cond_ops: dict[int, list[Op]] = {}
        self.pool: dict[str, bool] = {}          # local -> paged?
        self.mdls: dict[str, set] = {}           # WSK_BUF pointer key -> MDL keys
        self.event_types: dict[str, int] = {}
        self.members: dict[str, tuple] = {}      # key -> (struct, field)
        self.results: dict[int, str] = {}        # id(call) -> the key its result is stored to (`x = f()`)
        for _, ev in fn.events():
            if ev.kind in ("assign", "decl") and ev.target is not None and ev.expr is not None and \
                    ev.expr.strip().kind == "call" and ev.op in ("=", ""):
                k = self.key(ev.target) if ev.kind == "assign" else ev.target.strip().name
                if k:
                    self.results[id(ev.expr.strip())] = k
        self._scan()
        keys = []
        for ops in self.ops.values():
            for op in ops:
                if op.key and op.key not in keys:
                    keys.append(op.key)
        for op in self.all_ops("call"):
            for callee in op.callees:
                for p in db.summary(callee).keys:
                    k = self.map_key(p, callee, op.call)
                    if k and k not in keys:
                        keys.append(k)
        self.keys = keys
        self._origins_and_accesses(set(keys))

    def key(self, e):
        return key_of(e, self.aliases)

    def all_ops(self, kind=None):
        for ops in self.ops.values():
            for op in ops:
                if kind is None or op.kind == kind:
                    yield op

    def _add(self, op: Op):
        if op.key and "[?]" in op.key:
            return   # one of many IRPs in an array: not one object we can follow
        self.ops.setdefault(id(op.ev), []).append(op)

    def map_key(self, path: str, callee: Function, call: Expr) -> str | None:
        """A callee's parameter-rooted key in this function's terms (globals map to themselves; the
        callee's own IRP, `@irp`, becomes a key of this call)."""
        if path.startswith("@"):
            return f"{path}@{callee.name}:{call.loc.line}:{call.loc.col}"
        if path.startswith("^"):   # rooted in the object the callee returns: where this call stores it
            target, local = self.results.get(id(call)), self.db.returned_local(callee)
            if not target or not local or root_of(path[1:]) != local:
                return None
            k = rebase(path[1:], local, target)
            return None if "[?]" in k else k
        r = root_of(path)
        i = callee.param_index(r) if r else None
        if i is None:
            return path if r in self.db.program.globals else None
        args = call.args
        if i >= len(args):
            return None
        a = self.key(args[i])
        k = rebase(path, r, a) if a else None
        return None if k is None or "[?]" in k else k

    # -- the scan ---------------------------------------------------------------------------------
    def _scan(self):
        fn, db = self.fn, self.db
        for b, ev in fn.events():
            if ev.kind in ("assign", "decl") and ev.target is not None:
                self._note_assign(ev)
            for e in (ev.expr, ev.target):
                if e is not None:
                    for n in e.walk():
                        if n.kind == "member" and n.ref:
                            p = self.key(n)
                            if p:
                                self.members.setdefault(p, (n.ref, n.name))
            if ev.kind != "call":
                continue
            c = ev.expr
            wsk = wsk_name(c)
            if wsk in K.IRP_CALLS:
                irp = arg(c, "Irp")
                k = self.key(irp)
                if k:
                    self._add(Op("submit", ev, k, wsk, call=c, keeps=self._keeps(c, wsk)))
                continue
            if wsk:
                continue
            spec = K.ROUTINES.get(c.name) if c.op == "direct" else None
            if spec:
                self._routine_op(ev, c, spec)
                continue
            callees = db.callees(c, fn)
            if callees:
                self._add(Op("call", ev, None, c.name, call=c, callees=tuple(callees)))

    def _routine_op(self, ev, c, spec):
        kind, pos = spec
        args = c.args

        def a(role):
            i = pos.get(role)
            return args[i] if i is not None and i < len(args) else None

        if kind in ("irp_initialize", "irp_reuse", "irp_free", "irp_cancel", "irp_complete", "irp_call_driver"):
            k = self.key(a("irp"))
            if k:
                short = {"irp_initialize": "init", "irp_call_driver": "call_driver"}.get(kind, kind[4:])
                self._add(Op(short, ev, k, c.name, call=c, value=_const(a("stack"))))
        elif kind == "irp_arm":
            k = self.key(a("irp"))
            if k:
                rname = function_ref(a("routine"))
                rfn = self.db.program.resolve(rname, self.fn.file) if rname else None
                self._add(Op("arm", ev, k, c.name, call=c, routine=rfn.key if rfn else "",
                             context=self.key(a("context")),
                             invoke=tuple(_const(a(r)) for r in ("success", "error", "cancel"))))
        elif kind == "wait":
            t = a("timeout")
            self._add(Op("wait", ev, None, c.name, call=c, obj=self.key(a("event")) if "event" in pos else None,
                         timeout="timed" if self._timed(t) else ""))
        elif kind in ("event_set", "event_reset", "event_init"):
            self._add(Op("event_set" if kind == "event_set" else "event_reset", ev, None, c.name,
                         obj=self.key(a("event"))))
            if kind == "event_init":
                v, k = _const(a("type")), self.key(a("event"))
                if v is not None and k:
                    self.event_types[k] = v
        elif kind in ("pool_free", "mdl_unlock", "mdl_free"):
            k = self.key(a("block") if kind == "pool_free" else a("mdl"))
            if k:
                self._add(Op("release", ev, None, c.name, obj=k, what=kind))

    def _timed(self, t: Expr | None) -> bool:
        """A timeout that is certainly a real one: the address of a variable (NULL, or a value we cannot
        see, is treated as an untimed wait -- unknown is not guilty)."""
        if t is None:
            return False
        k = self.key(t)
        return bool(k) and k.startswith("&")

    def _keeps(self, c: Expr, wsk: str) -> tuple:
        out = []
        for p in K.KEEP_VALID.get(wsk, ()):
            k = self.key(arg(c, p))
            if k:
                out.append(("buf", k))
        for p in K.MDL_ARGS.get(wsk, ()):
            k = self.key(arg(c, p))
            if k:
                for m in self.mdls.get(k, ()):
                    out.append(("mdl", m))
        return tuple(out)

    def _note_assign(self, ev):
        t = ev.target.strip()
        src = ev.expr.strip() if ev.expr is not None else None
        if src is not None and src.kind == "call" and K.kind_of(src.name) == "pool_allocate" and t.kind == "name":
            self.pool[t.name] = _paged_pool(src)
        if t.kind == "member" and t.name == "Mdl" and t.ref == "WSK_BUF" and src is not None and t.kids:
            buf = self._pointer_to(t)
            if buf:
                s = self.mdls.setdefault(buf, set())
                s.add(self.key(t))
                if self.key(src):
                    s.add(self.key(src))
        elif ev.kind == "decl" and src is not None and src.kind == "init" and "WSK_BUF" in (t.type or "") \
                and "LIST" not in (t.type or ""):
            for i, item in enumerate(src.kids):
                name = item.name if item.kind == "field_init" else ""
                val = item.kids[0] if item.kind == "field_init" and item.kids else item
                if name == "Mdl" or (not name and i == 0):
                    s = self.mdls.setdefault("&" + t.name, set())
                    s.add(f"{t.name}.Mdl")
                    if self.key(val):
                        s.add(self.key(val))

    def _pointer_to(self, member: Expr) -> str | None:
        """The pointer key of the struct a member belongs to (`b.Mdl` -> `&b`, `p->Mdl` -> `p`)."""
        base = self.key(member.kids[0])
        if base is None:
            return None
        return base if member.op == "->" else norm("&" + base)

    def _origins_and_accesses(self, keys: set):
        for b in self.fn.blocks:
            for ev in b.events:
                if ev.kind in ("assign", "decl") and ev.target is not None:
                    k = self.key(ev.target) if ev.kind == "assign" else ev.target.strip().name
                    if k in keys:
                        src = ev.expr.strip() if ev.expr is not None else None
                        kind = K.kind_of(src.name) if src is not None and src.kind == "call" else None
                        origin = {"irp_allocate": "allocate", "irp_build": "build"}.get(kind, "other")
                        if src is not None or ev.kind == "assign":
                            stack = _const(src.args[0]) if origin == "allocate" and src.args else None
                            self.ops.setdefault(id(ev), []).insert(
                                0, Op("origin", ev, k, src.name if kind else "", call=src, origin=origin,
                                      value=stack))
                for n in _reads(ev):
                    k = self._irp_of(n)
                    if k in keys:
                        self._add(Op("access", ev, k, n.name, loc=n.loc))
            if b.cond is not None:
                for n in _walk_no_calls(b.cond):
                    k = self._irp_of(n)
                    if k in keys:
                        self.cond_ops.setdefault(b.id, []).append(Op("access", ev_for_cond(b), k, n.name, loc=n.loc))

    def _irp_of(self, n: Expr) -> str | None:
        if n.kind != "member" or n.name not in K.IRP_FIELDS or n.ref != "IRP" or not n.kids:
            return None
        base = self.key(n.kids[0])
        if base is None:
            return None
        return base if n.op == "->" else norm("&" + base)


def ev_for_cond(b) -> Event:
    return Event("cond", b.cond.loc, expr=b.cond)


def _walk_no_calls(e: Expr):
    """Nodes of `e` outside nested calls (those have events of their own)."""
    stack = [e]
    while stack:
        x = stack.pop()
        yield x
        if x.kind == "call":
            stack.extend(x.args)   # the arguments belong to this call
            continue
        for k in x.kids:
            if k.kind != "call":
                stack.append(k)


def _reads(ev: Event):
    if ev.kind == "call":
        for a in ev.expr.args:
            if a.kind != "call":
                yield from _walk_no_calls(a)
        callee = ev.expr.callee
        if callee is not None and callee.kind != "name":
            yield from _walk_no_calls(callee)
    else:
        for e in (ev.expr, ev.target):
            if e is not None and e.kind != "call":
                yield from _walk_no_calls(e)


def _paged_pool(call: Expr) -> bool:
    spec = K.ROUTINES.get(call.name)
    pos = spec[1] if spec else {}
    if "paged" in pos:
        return True
    i = pos.get("type", pos.get("flags"))
    if i is None or i >= len(call.args):
        return False
    a = call.args[i].strip()
    names = {n.macro or n.name for n in a.walk()} | {a.text.strip()}
    if names & K.PAGED_NAMES:
        return True
    v = a.value
    if v is None:
        return False
    return bool(v & K.POOL_FLAG_PAGED) if "flags" in pos else v in K.PAGED_POOL_TYPES


# -- the IRP state and the walk ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class IrpState:
    phase: str = "unknown"        # unknown|ready|armed|flight|done|owned|freed
    origin: str | None = None     # allocate|initialize|reused|build|upper
    origin_loc: Loc | None = None
    stack: int | None = None
    routine: str | None = None
    context: str | None = None
    event: str | None = None      # the completion event the routine signals
    owns: str = ""                # 'must' | 'may': the completion routine frees the IRP
    used: bool = False            # submitted since the last (re)initialisation
    reinit: bool = False          # (re)initialised or allocated on this path
    wsk: str = ""
    sub_loc: Loc | None = None
    skey: str | None = None       # status key of the submission
    keep: frozenset = frozenset()
    timed: tuple | None = None    # (wait loc, wait call id, result variable) of a timed wait
    expired: bool = False         # on the path where that wait timed out
    stale: Loc | None = None      # a submission whose completion left the completion event signalled
    # for summaries of parameter-rooted keys
    first: tuple | None = None    # (op kind, loc) of the first operation, before any wait
    waits: frozenset = frozenset()
    resets: frozenset = frozenset()
    releases: frozenset = frozenset()
    cons: tuple = ()              # ((status parameter path, outcomes), ...)
    moved: frozenset = frozenset()  # by-value status parameters assigned on this path
    unsure: str | None = None     # status subject found equal to a code after which the pages do not say
                                  # whether the IRP completes (K.UNDOCUMENTED_COMPLETION)
    nonnull: frozenset = frozenset()  # pointers known not to be NULL (those completion-routine guards test)
    null_ret: bool = False        # the object this helper returns is NULL on this path
    ret: int = 0                  # the return statement taken (paths that return differently stay apart)


@dataclass(frozen=True)
class Alt:
    """One way a helper's paths end, for a key rooted in its parameters."""
    ret: frozenset | None
    cons: tuple
    outs: tuple
    final: IrpState


@dataclass
class Incident:
    kind: str
    fn: Function
    loc: Loc
    key: str | None
    trace: list
    data: dict = field(default_factory=dict)


@dataclass
class WalkResult:
    alts: list
    unproven: set                  # submission locs that may still be pending at an exit
    relays: dict = field(default_factory=dict)   # by-value status parameter -> (every exit, some exit)


def _split(st: IrpState):
    """What a path released or reset only accumulates: paths differing just there may be merged."""
    return replace(st, releases=frozenset(), resets=frozenset()), (st.releases, st.resets)


def _join(core: IrpState, extras) -> IrpState:
    return replace(core, releases=extras[0], resets=extras[1])


class IrpWalker:
    def __init__(self, db: IrpFlow, fn: Function, key: str | None):
        self.db, self.fn, self.key = db, fn, key
        self.flow = db.flow(fn)
        self.shared = key is None or db.is_shared(fn, key)
        self.found: list[Incident] = []
        self.result = WalkResult([], set())
        self.status_params = _status_params(fn)
        self.by_value = tuple(p for p in self.status_params if not p.startswith("*"))
        self.ret_local = db.returned_local(fn)
        # names whose NULL-ness a helper copies into the object it returns (`x = Alloc(..., p)` sets
        # x->F = p): a completion routine may free that object only when x->F is not NULL
        self.tracked = frozenset(flow_key for op in self.flow.all_ops("call") for c in op.callees
                                 for i in db.ret_fields(c).values() if i < len(op.call.args)
                                 for flow_key in [self.flow.key(op.call.args[i])] if flow_key)

    def run(self) -> WalkResult:
        fn = self.fn
        st = IrpState()
        if self.key is not None:
            st = self.db.initial_state(fn, self.key, self.flow)
        fx = Facts()
        for p in self.status_params:
            fx = fx.set(f"param:{p}", status.ANY).alias(p, f"param:{p}")
        tr = (Step(fn.loc, f"completion routine {fn.name} runs when the request on the IRP has completed"),) \
            if st.phase == "done" else ()
        Walk(fn, self.step, self.at_exit, self.edge, cond=self.on_cond, widen=(_split, _join)).run(
            fn.entry, 0, st, fx, tr)
        return self.result

    # -- walk callbacks ---------------------------------------------------------------------------
    def step(self, st, fx, ev, tr):
        if self.by_value and ev.kind in ("assign", "decl") and ev.target is not None and \
                ev.target.strip().path() in self.by_value:
            st = replace(st, moved=st.moved | {ev.target.strip().path()})
        if (self.ret_local or self.tracked) and ev.kind in ("assign", "decl") and ev.target is not None:
            st = self._pointer_assigned(st, ev)
        if st.timed is not None and st.timed[2] is None and ev.kind in ("assign", "decl") and \
                ev.expr is not None and id(ev.expr.strip()) == st.timed[1] and ev.target is not None:
            st = replace(st, timed=(st.timed[0], st.timed[1], ev.target.strip().path()))
        if ev.kind == "return":
            st = replace(st, ret=id(ev))
        ops = self.flow.ops.get(id(ev))
        if not ops:
            return st, fx, tr
        alts = [(st, fx, tr)]
        for op in ops:
            if op.key is not None and op.key != self.key:
                continue
            if op.kind in ("origin", "init", "reuse", "free", "cancel", "complete", "arm", "submit", "access",
                           "call_driver") and self.key is None:
                continue
            nxt = []
            for a in alts:
                nxt.extend(self.apply(op, *a))
            alts = nxt
        if not alts:
            return STOP
        return alts[0] if len(alts) == 1 else Fork(alts)

    def _pointer_assigned(self, st, ev):
        t = self.flow.key(ev.target) if ev.kind == "assign" else ev.target.strip().name
        if not t:
            return st
        src = ev.expr.strip() if ev.expr is not None else None
        if t == self.ret_local and (src is not None or ev.kind == "assign"):
            st = replace(st, null_ret=src is not None and is_null(src))
        if not (st.nonnull or self.tracked):
            return st
        nonnull = {k for k in st.nonnull if k != t and not k.startswith((t + "->", t + "."))}
        if src is not None and t in self.tracked and src.kind == "unop" and src.op == "&":
            nonnull.add(t)                                  # `p = &Default`
        if src is not None and src.kind == "call":
            for c in self.db.callees(src, self.fn):
                for f, i in self.db.ret_fields(c).items():
                    if i < len(src.args) and self.flow.key(src.args[i]) in st.nonnull:
                        nonnull.add(f"{t}->{f}")            # `x = Alloc(..., p)` with p not NULL
        return replace(st, nonnull=frozenset(nonnull))

    def on_cond(self, st, fx, blk, tr):
        for op in self.flow.cond_ops.get(blk.id, ()):
            if op.key == self.key:
                out = self.apply(op, st, fx, tr)
                st, tr = out[0][0], out[0][2]
        return st, tr

    def edge(self, st, blk, succ, label):
        if blk.cond is not None and label in ("T", "F") and (self.ret_local or self.tracked or
                                                             st.phase in ("ready", "armed")):
            t = null_test(blk.cond, self.flow)
            if t is not None:
                if t[0] == self.key and (label == "T") == t[1] and st.phase in ("ready", "armed"):
                    st = _no_irp(st)                        # the allocation failed: there is no IRP here
                k, is_null = t[0], (label == "T") == t[1]
                if k == self.ret_local:
                    st = replace(st, null_ret=is_null)
                if k in self.tracked:
                    st = replace(st, nonnull=st.nonnull - {k} if is_null else st.nonnull | {k})
        if blk.cond is not None and st.wsk in K.UNDOCUMENTED_COMPLETION:
            subj = _equal_to(blk.cond, label, K.UNDOCUMENTED_COMPLETION[st.wsk])
            if subj:
                st = replace(st, unsure=subj)
        if label not in ("T", "F") or blk.cond is None:
            return st
        if st.timed is not None:
            verdict = _timeout_edge(blk.cond, label == "T", st.timed)
            if verdict == "signaled":
                st = replace(st, phase="done" if st.phase == "flight" else st.phase, timed=None, expired=False)
            elif verdict == "timeout":
                st = replace(st, expired=True)
        if self.status_params:
            cons = status.constraints(blk.cond, label == "T")
            for p in self.status_params:
                if p in cons and p not in st.moved:   # a constraint on the value the caller passed
                    d = dict(st.cons)
                    d[p] = d.get(p, status.ANY) & cons[p]
                    st = replace(st, cons=tuple(sorted(d.items())))
        return st

    def at_exit(self, st, fx, tr, ret):
        for p in self.by_value:
            completed, same = self.result.relays.get(p, (True, True))
            c, i = self._relays(p, st, fx, ret)
            self.result.relays[p] = (completed and c, same and i)
        pend = self.pending(st, fx)
        if pend and st.phase in ("flight", "owned") and st.sub_loc is not None:
            self.result.unproven.add(st.sub_loc)
        where = ret.loc if ret is not None else Loc(self.fn.file, self.fn.end_line, 1)
        if pend and st.phase in ("flight", "owned"):
            if st.expired or st.timed is not None:
                self.incident("timeout_abandon", st.timed[0] if st.timed else where, st,
                              tr + (Step(where, "returns with the request still pending"),))
            else:
                for kind, k in sorted(st.keep):
                    if self.db.is_stack(self.fn, k):
                        self.incident("exit_inflight", st.sub_loc, st,
                                      tr + (Step(where, f"{self.fn.name} returns while the request may be "
                                                 "pending"),), obj=k, what=kind)
        self.result.alts.append(self._alt(st, fx, ret))

    def _export(self, k: str | None) -> str | None:
        """A key as callers can map it: rooted in a parameter or global, or (`^k`) in the returned object."""
        if not k:
            return None
        if self.db.is_shared(self.fn, k):
            return k
        local = self.db.returned_local(self.fn)
        return "^" + k if local and root_of(k) == local else None

    def _relays(self, p, st, fx, ret) -> tuple[bool, bool]:
        """Whether this exit returns (a) the status the request passed for `p` completed with: that
        status on a path that proved it was not pending, or the IRP's `IoStatus.Status` after a wait;
        (b) the value passed for `p`, unchanged."""
        if ret is None or ret.expr is None:
            return False, False
        e = ret.expr.strip()
        subj = status.subject_key(e)
        returned = subj is not None and fx.resolve(subj) == f"param:{p}"
        same = returned and p not in st.moved
        o = fx.get(subj) if returned else None
        iostatus = (e.path() or "").endswith("IoStatus.Status")
        if not (iostatus or (o is not None and status.PENDING not in o)):
            return False, same
        entry = dict(st.cons).get(p, status.ANY)
        # `return Io->Irp->IoStatus.Status;` after waiting on a pending status also relays it
        return (returned or iostatus or p in st.moved) and (status.PENDING not in entry or bool(st.waits)), same

    def _alt(self, st, fx, ret) -> Alt:
        r = None
        if ret is not None and ret.expr is not None:
            r = status_of(fx, ret.expr)
            if r is None:
                c = status.const_status(ret.expr)
                if c is not None:
                    r = status.outcome(c)
        final = st
        if st.phase == "flight" and not self.pending(st, fx):
            final = replace(final, phase="done")
        skey = None
        if final.phase in ("flight", "owned") and st.skey and ret is not None and ret.expr is not None:
            subj = status.subject_key(ret.expr)
            if subj and fx.resolve(subj) == fx.resolve(st.skey):
                skey = "ret"
        keep = frozenset((kd, self._export(k)) for kd, k in final.keep if self._export(k))
        null_ret = final.null_ret or (ret is not None and ret.expr is not None and is_null(ret.expr))
        final = replace(final, skey=skey, keep=keep, timed=None, expired=False, ret=0, unsure=None, nonnull=frozenset(),
                        null_ret=null_ret,
                        event=self._export(final.event), context=self._export(final.context))
        outs = tuple((p, fx.get(p)) for p in self.status_params if p.startswith("*") and fx.get(p) is not None
                     and fx.get(p) != dict(st.cons).get(p, status.ANY))
        return Alt(r, st.cons, outs, final)

    # -- the transitions --------------------------------------------------------------------------
    def pending(self, st, fx) -> bool:
        if st.phase not in ("flight", "owned"):
            return False
        if st.skey is None:
            return True
        o = fx.get(st.skey)
        return o is None or status.PENDING in o

    def incident(self, kind, loc, st, tr, **data):
        if self.key is None:
            return
        self.found.append(Incident(kind, self.fn, loc, self.key, list(tr),
                                   {"wsk": st.wsk, "routine": st.routine, **data}))

    def _first(self, st, kind, loc):
        if st.phase == "unknown" and st.first is None and not st.waits:
            return replace(st, first=(kind, loc))
        return st

    def touch(self, kind, st, fx, tr, loc, what, via=None):
        """Incidents for an operation (`kind`: free|reuse|submit|access|arm) on the IRP as it stands."""
        steps = ((via,) if via else ()) + (Step(loc, what),)
        if st.phase == "owned" and kind != "arm":
            r = self.db.routine(st.routine)
            extra = (Step(r.free_loc, f"{r.fn.name} frees the IRP when it completes"),) if r else ()
            unsure = st.unsure is not None and st.skey is not None and fx.resolve(st.unsure) == fx.resolve(st.skey)
            if unsure:
                extra = (Step(loc, f"on the path where {st.wsk} returned "
                              f"{status_name(K.UNDOCUMENTED_COMPLETION[st.wsk])}"),) + extra
            self.incident(f"{'resubmit' if kind == 'submit' else kind}_owned", loc, st, tr + extra + steps,
                          unsure=status_name(K.UNDOCUMENTED_COMPLETION[st.wsk]) if unsure else "")
        elif st.phase == "flight" and self.pending(st, fx):
            if st.expired or st.timed is not None:
                self.incident("timeout_abandon", st.timed[0] if st.timed else loc, st, tr + steps)
            else:
                name = {"submit": "resubmit", "arm": "reuse"}.get(kind, kind)
                self.incident(f"{name}_inflight", loc, st, tr + steps)
        elif st.phase == "freed" and kind in ("free", "access", "submit", "reuse"):
            self.incident("double_free" if kind == "free" else "access_freed", loc, st, tr + steps)

    def submit_checks(self, st, fx, tr, loc, what, api, via=None):
        self.touch("submit", st, fx, tr, loc, what, via)
        steps = ((via,) if via else ())
        if st.phase not in ("owned", "freed") and not (st.phase == "flight" and self.pending(st, fx)):
            if st.used and st.phase in ("done", "armed", "ready", "flight"):
                self.incident("resubmit_used", loc, st, tr + steps + (Step(loc, what + " again without IoReuseIrp"),),
                              wsk=api)
            elif st.origin in DRIVER_ORIGINS and st.phase == "ready":
                self.incident("submit_unarmed", loc, st,
                              tr + steps + (Step(loc, what + " without a completion routine"),), wsk=api)
        if st.origin in DRIVER_ORIGINS and st.stack == 0:
            self.incident("no_stack", st.origin_loc or loc, st, tr + steps + (Step(loc, what),), wsk=api)

    def apply(self, op, st, fx, tr):
        k = op.kind
        loc = op.loc
        if k == "origin":
            if op.origin == "other":
                return [(_no_irp(st), fx, tr)]
            note = f"{op.api} allocates the IRP" + (f" with {op.value} stack location(s)" if op.value is not None
                                                    else "")
            new = IrpState(phase="ready", origin="allocate" if op.origin == "allocate" else "build",
                           origin_loc=loc, stack=op.value, reinit=True, first=st.first or (("origin", loc)
                                                                              if st.phase == "unknown" else None),
                           waits=st.waits, resets=st.resets, releases=st.releases, cons=st.cons, moved=st.moved,
                           stale=st.stale)
            return [(new, fx, tr + (Step(loc, note),))]
        if k in ("init", "reuse"):
            self.touch("reuse", st, fx, tr, loc, f"{op.api} reinitialises the IRP")
            if k == "reuse" and st.origin == "build":
                self.incident("reuse_built", loc, st, tr + (Step(loc, "IoReuseIrp on an IRP built by the I/O manager"),))
            st = self._first(st, k, loc)
            origin = st.origin if st.origin in ("allocate", "build") else ("initialize" if k == "init" else
                                                                         st.origin or "reused")
            new = replace(st, phase="ready", origin=origin, origin_loc=st.origin_loc or loc,
                          stack=op.value if k == "init" else st.stack, used=False, reinit=True, routine=None,
                          context=None,
                          event=None, owns="", skey=None, keep=frozenset(), timed=None, expired=False, wsk="",
                          sub_loc=None, unsure=None)
            note = f"{op.api} {'initialises' if k == 'init' else 'reinitialises'} the IRP" + \
                (f" with {op.value} stack location(s)" if k == "init" and op.value is not None else "")
            return [(new, fx, tr + (Step(loc, note),))]
        if k == "arm":
            return [self.arm(op, st, fx, tr)]
        if k == "submit":
            return [self.submit(op, st, fx, tr)]
        if k == "access":
            self.touch("access", st, fx, tr, loc, f"reads {op.api} of the IRP")
            return [(self._first(st, "access", loc), fx, tr)]
        if k in ("free", "complete"):
            self.touch("free", st, fx, tr, loc, f"{op.api} frees the IRP" if k == "free" else
                       "IoCompleteRequest completes the IRP")
            if k == "free" and st.origin == "upper":
                self.incident("free_upper", loc, st, tr + (Step(loc, "IoFreeIrp on an IRP the I/O manager owns"),))
            st = self._first(st, "free", loc)
            return [(replace(st, phase="freed"), fx, tr + (Step(loc, f"{op.api} frees the IRP"),))]
        if k == "cancel":
            return [(self._first(st, "cancel", loc), fx, tr + (Step(loc, "IoCancelIrp"),))]
        if k == "call_driver":
            return [(replace(st, phase="unknown", sub_loc=None), fx, tr)]
        if k == "wait":
            return [self.wait(op, st, fx, tr)]
        if k == "event_reset":
            if op.obj and (st.event is None or op.obj == st.event):
                st = replace(st, stale=None)
            if op.obj and self.db.is_shared(self.fn, op.obj):
                st = replace(st, resets=st.resets | {op.obj})
            return [(st, fx, tr)]
        if k == "event_set":
            return [(st, fx, tr)]
        if k == "release":
            return [self.release(op.what, op.obj, st, fx, tr, loc)]
        if k == "call":
            return self.call(op, st, fx, tr)
        return [(st, fx, tr)]

    def arm(self, op, st, fx, tr):
        loc = op.loc
        self.touch("arm", st, fx, tr, loc, "sets a completion routine on the IRP")
        st = self._first(st, "arm", loc)
        r = self.db.routine(op.routine) if op.routine else None
        flags = ", ".join("TRUE" if v else "FALSE" if v == 0 else "?" for v in op.invoke)
        name = r.fn.name if r else (op.routine or "an unknown routine")
        step_ = Step(loc, f"completion routine {name} set (InvokeOnSuccess/Error/Cancel: {flags})")
        if st.origin in DRIVER_ORIGINS and any(v == 0 for v in op.invoke):
            self.incident("invoke_false", loc, st, tr + (step_,), invoke=op.invoke)
        event = owns = None
        if r is not None:
            event = r.event_for(op.context)
            owns = r.frees(self.key, op.context)
            if st.origin in DRIVER_ORIGINS:
                self.db.note_routine_use(r, "driver", self.fn, loc, tr + (step_,))
            elif st.origin == "upper":
                self.db.note_routine_use(r, "upper", self.fn, loc, tr + (step_,))
                if r.frees(self.key, op.context) == "must":
                    self.incident("free_upper", r.free_loc, st, tr + (step_, Step(
                        r.free_loc, f"{r.fn.name} frees the IRP the I/O manager passed down")))
        new = replace(st, phase="armed", routine=op.routine, context=op.context, event=event,
                      owns=owns or "", expired=False, timed=None)
        return new, fx, tr + (step_,)

    def submit(self, op, st, fx, tr):
        loc, what = op.loc, f"submitted to {op.api}"
        self.submit_checks(st, fx, tr, loc, what, op.api)
        st = self._first(st, "submit", loc)
        fx, skey = track_call_status(fx, op.ev, op.call)
        keep = set(st.keep) | set(op.keeps) | {("irp", self.key)}
        r = self.db.routine(st.routine) if st.routine else None
        if st.context and r is not None and r.uses_context:
            keep.add(("ctx", st.context))
        owned = self._owned(st)
        new = replace(st, phase="owned" if owned else "flight", skey=skey, used=True, wsk=op.api,
                      sub_loc=loc, keep=frozenset(keep), timed=None, expired=False, unsure=None)
        why = (Step(loc, f"'{r._caller(r.free_guard, st.context)}' is not NULL here, and {r.fn.name} frees the "
                         "IRP when it is not"),) if owned and st.owns != "must" else ()
        if r is not None and r.signals and not r.pending_only and new.event and new.stale is None:
            # should it complete inline, the routine signals the event and nobody waits for it
            new = replace(new, stale=loc)
        return new, fx, tr + (Step(loc, what),) + why

    def _owned(self, st) -> bool:
        """Whether the completion routine frees the IRP on every path, given what this path knows: a
        routine that frees only when a context field is not NULL does when that field is known not NULL."""
        if st.owns == "must":
            return True
        r = self.db.routine(st.routine) if st.owns == "may" and st.routine else None
        return r is not None and r.guard_holds(st.context, st.nonnull)

    def wait(self, op, st, fx, tr):
        loc = op.loc
        if st.phase == "unknown" and not op.timeout and op.obj and self.db.is_shared(self.fn, op.obj):
            st = replace(st, waits=st.waits | {op.obj})
        if st.phase != "flight" or (op.obj and st.event and op.obj != st.event):
            return st, fx, tr
        if st.stale is not None and st.stale != st.sub_loc:
            self.incident("stale_wait", loc, st, tr + (Step(loc, "waits on the completion event, which may "
                                                            "still be signalled from the earlier request"),),
                          earlier=st.stale)
        if op.timeout:
            return replace(st, timed=(loc, id(op.call), None), stale=None), fx, \
                tr + (Step(loc, "waits with a timeout"),)
        if not (st.expired or st.timed):   # not the second wait of a timeout-then-cancel
            self.db.note_untimed(self.fn, op.ev, st.wsk, "")
        notif = self.db.event_type(self.fn, st.event) == K.NOTIFICATION_EVENT
        return replace(st, phase="done", timed=None, expired=False, stale=st.sub_loc if notif else None), fx, \
            tr + (Step(loc, "waits for the completion routine to signal completion"),)

    def release(self, what, obj, st, fx, tr, loc):
        if obj and self.db.is_shared(self.fn, obj):
            st = replace(st, releases=st.releases | {(what, obj)})
        if st.phase not in ("flight", "owned") or not obj:
            return st, fx, tr
        hit = _kept(st.keep, obj, what)
        if hit is None:
            return st, fx, tr
        r = self.db.routine(st.routine) if st.routine else None
        step_ = Step(loc, f"{'frees' if what != 'mdl_unlock' else 'unlocks'} '{obj}'")
        if self.pending(st, fx):
            self.incident("release_inflight", loc, st, tr + (step_,), obj=obj, what=what, kept=hit[0])
        elif hit[0] == "ctx" and r is not None and r.frees_context and what == "pool_free" and \
                not r.frees_pending_only and (not r.free_guard or r.guard_holds(st.context, st.nonnull)):
            self.incident("release_owned", loc, st, tr + (Step(r.context_free_locs[0],
                                                               f"{r.fn.name} frees it too"), step_), obj=obj)
        return st, fx, tr

    def call(self, op, st, fx, tr):
        out = []
        for callee in op.callees:
            summ = self.db.summary(callee)
            alts = None
            if self.key is not None:
                for p, a in summ.alts.items():
                    if p is not None and self.flow.map_key(p, callee, op.call) == self.key:
                        alts = a
                        break
            if alts is None:
                alts = summ.alts.get(None, ())
            if not alts:
                out.append((st, relay_status(fx, op.call, summ.relay), tr))
                continue
            for alt in alts:
                res = self.replay(op, callee, alt, st, fx, tr)
                if res is not None:
                    out.append(res)
        seen, uniq = set(), []
        for s, f, t in out:
            if (s, f) not in seen:
                seen.add((s, f))
                uniq.append((s, f, t))
        return uniq[:MAX_ALTS * 2]

    def replay(self, op, callee, alt: Alt, st, fx, tr):
        """The caller's state after a helper path described by `alt`."""
        m = lambda p: self.flow.map_key(p, callee, op.call)  # noqa: E731
        fx, ck = track_call_status(fx, op.ev, op.call)
        cons = {ck: alt.ret} if alt.ret is not None else {}
        for p, outs in alt.cons:
            s = m(p) if p.startswith("*") else _value_subject(callee, p, op.call)
            if s:
                cons[s] = cons.get(s, status.ANY) & outs
        if cons:
            fx = fx.refine(cons)
            if fx is None:
                return None
        for p, outs in alt.outs:
            s = m(p)
            if s and fx.tracks(s):
                fx = fx.set(s, outs)
        rel = self.db.summary(callee).relay
        if rel is not None:
            subj = status.subject_key(op.call.args[rel[0]]) if rel[0] < len(op.call.args) else None
            if subj and fx.tracks(subj):
                # what it returns is the request's status from here on: the completed one, or the same
                ret = fx.get(ck) if rel[1] else fx.get(subj) & fx.get(ck)
                if not ret:
                    return None
                fx = relay_status(fx.set(subj, ret).drop(ck), op.call, rel)
        f = alt.final
        via = Step(op.loc, f"{op.api} is called")
        if f.first is not None:
            kind, floc = f.first
            what = f"{callee.name} {_VERB.get(kind, kind)} the IRP"
            inside = Step(floc, f"in {callee.name}")
            if kind == "submit":
                self.submit_checks(st, fx, tr, op.loc, what, f.wsk or "WSK", via=inside)
            elif kind in ("free", "reuse", "init", "access", "arm"):
                self.touch({"init": "reuse"}.get(kind, kind), st, fx, tr, op.loc, what, via=inside)
            if kind == "free" and st.origin == "upper":
                self.incident("free_upper", op.loc, st, tr + (inside, Step(op.loc, what)))
        waits = {m(w) for w in f.waits} - {None}
        resets = {m(w) for w in f.resets} - {None}
        if st.phase == "flight" and f.phase == "unknown" and waits and (st.event is None or st.event in waits):
            if st.stale is not None and st.stale != st.sub_loc:
                self.incident("stale_wait", op.loc, st, tr + (via,), earlier=st.stale)
            st = replace(st, phase="done", stale=None)
            tr = tr + (Step(op.loc, f"{callee.name} waits for completion"),)
            self.db.note_untimed(self.fn, op.ev, st.wsk, callee.name)   # summaries keep untimed waits only
        if resets and (st.event is None or st.event in resets):
            st = replace(st, stale=None)
        for what, obj in f.releases:
            o = m(obj)
            if o:
                st, fx, tr = self.release(what, o, st, fx, tr, op.loc)
        if f.phase != "unknown":
            st, fx, tr = self._compose(op, callee, f, m, st, fx, tr, ck)
        if self.shared:
            st = replace(st, waits=st.waits | {w for w in waits if self.db.is_shared(self.fn, w)},
                         resets=st.resets | {w for w in resets if self.db.is_shared(self.fn, w)})
        return st, fx, tr

    def _compose(self, op, callee, f, m, st, fx, tr, ck):
        """Apply a helper's final state for the key (its own operations were checked in the helper)."""
        new = replace(st, phase=f.phase)
        notes = []
        if f.origin in ("allocate", "build", "initialize") or st.origin is None:
            new = replace(new, origin=f.origin or st.origin, origin_loc=f.origin_loc or st.origin_loc,
                          stack=f.stack if f.stack is not None else st.stack)
            if f.origin in ("allocate", "build") and _inside(f.origin_loc, callee):
                notes.append(Step(f.origin_loc, f"{callee.name} allocates the IRP"))
        if f.reinit:
            new = replace(new, used=f.used, routine=None, context=None, event=None, owns="", keep=frozenset())
        if f.routine is not None:
            r = self.db.routine(f.routine)
            new = replace(new, routine=f.routine, context=m(f.context) if f.context else None,
                          event=m(f.event) if f.event else None, owns=f.owns)
            notes.append(Step(op.loc, f"{callee.name} sets completion routine {r.fn.name if r else f.routine}"))
        if f.phase in ("flight", "owned", "done") and f.wsk:
            keep = frozenset(new.keep | {(kd, m(k)) for kd, k in f.keep if m(k)} | {("irp", self.key)})
            new = replace(new, wsk=f.wsk, sub_loc=op.loc, skey=ck if f.skey == "ret" else None, used=True, unsure=None,
                          keep=keep if f.phase != "done" else frozenset(), timed=None, expired=False)
            notes.append(Step(op.loc, f"{callee.name} submits it to {f.wsk}" +
                              (" and waits for completion" if f.phase == "done" else "")))
        if f.phase == "freed":
            notes.append(Step(op.loc, f"{callee.name} frees the IRP"))
        return new, fx, tr + tuple(notes)


def pending_returned_edge(cond: Expr, label: str) -> bool | None:
    """Whether `Irp->PendingReturned` is set on the branch `label` of `cond` (None: the branch does not
    tell)."""
    if label not in ("T", "F") or "PendingReturned" not in cond.text:
        return None
    return _pending_returned(cond.strip(), label == "T")


def _pending_returned(c: Expr, want: bool) -> bool | None:
    c = c.strip()
    if c.kind == "unop" and c.op == "!" and c.kids:
        return _pending_returned(c.kids[0], not want)
    if c.kind == "member" and c.name == "PendingReturned":
        return want
    if c.kind != "binop" or len(c.kids) != 2:
        return None
    a, b = c.kids
    if c.op in ("&&", "||"):
        if want != (c.op == "&&"):
            return None            # `A && B` false (or `A || B` true) says nothing about either side
        x = _pending_returned(a, want)
        return x if x is not None else _pending_returned(b, want)
    if c.op in ("==", "!=") and (a.strip().value is not None or b.strip().value is not None):
        subj, v = (b, a.strip().value) if a.strip().value is not None else (a, b.strip().value)
        return _pending_returned(subj, want == ((c.op == "==") == (v != 0)))
    return None


def _no_irp(st: IrpState) -> IrpState:
    """The state of a key that holds no IRP we know (a new value, a failed allocation); what summaries
    record about the path stays."""
    return IrpState(first=st.first, waits=st.waits, resets=st.resets, releases=st.releases, cons=st.cons,
                    moved=st.moved, stale=st.stale, nonnull=st.nonnull, null_ret=st.null_ret)


def _with_test(st, blk, label, flow, root):
    """The free-guard walk's state after a branch: (NULL tests of pointers rooted in `root`, freed)."""
    t = null_test(blk.cond, flow) if blk.cond is not None and label in ("T", "F") else None
    if t is None or root_of(t[0]) != root:
        return st
    tests = {x for x in st[0] if x[0] != t[0]} | {(t[0], (label == "T") == t[1])}
    return frozenset(tests), st[1]


def _through_context(irp: str | None, context: str | None, ctx_param: str | None) -> str | None:
    """The IRP key `irp` of an arming site as the completion routine reaches it through its context
    parameter (`c->Irp` with context `c`, `sock->Async.Irp` with context `&sock->Async`), or None."""
    if not irp or not context or not ctx_param:
        return None
    amp, body = ("&", irp[1:]) if irp.startswith("&") else ("", irp)
    if context.startswith("&") and body.startswith(context[1:] + "."):
        return norm(f"{amp}{ctx_param}->{body[len(context):]}")
    if not context.startswith("&") and body.startswith(context + "->"):
        return norm(f"{amp}{ctx_param}{body[len(context):]}")
    return None


def _inside(loc: Loc | None, fn: Function) -> bool:
    return loc is not None and loc.file == fn.file and fn.loc.line <= loc.line <= fn.end_line


_VERB = {"free": "frees", "reuse": "reinitialises", "init": "reinitialises", "submit": "submits",
         "access": "reads", "arm": "arms"}


def _kept(keep, obj, what):
    want = ("mdl",) if what.startswith("mdl") else ("buf", "ctx", "irp")
    for kind, k in sorted(keep):
        if kind in want and (k == obj or (root_of(k) == obj and "&" not in obj and not k.startswith("&"))
                             or (kind != "mdl" and root_of(k) == obj and k.lstrip("&").startswith(obj + "->"))):
            return kind, k
    return None


def _status_params(fn: Function) -> tuple:
    """Status parameters: `*p` for a status passed by pointer (`Wait(ctx, &st)`), `p` for one passed by
    value (`st = Wait(ctx, st)`)."""
    out = []
    for p in fn.params:
        t = p.type.replace(" ", "").replace("const", "")
        if t in ("PNTSTATUS", "NTSTATUS*"):
            out.append(f"*{p.name}")
        elif t == "NTSTATUS" and p.name:
            out.append(p.name)
    return tuple(out)


def _value_subject(callee: Function, p: str, call: Expr) -> str | None:
    """The caller's status subject passed for the by-value status parameter `p` (a variable, or the WSK
    call itself: `Wait(ctx, Dispatch->WskBind(...))`)."""
    i = callee.param_index(p)
    return status.subject_key(call.args[i]) if i is not None and i < len(call.args) else None


def _timeout_edge(cond: Expr, want: bool, timed) -> str | None:
    """'signaled' / 'timeout' when the branch tells how the timed wait ended."""
    _, call_id, var = timed
    c, neg = status.unnegated(cond)
    want = want != neg

    def subject(e):
        e = e.strip()
        return (e.kind == "call" and id(e) == call_id) or (var is not None and e.path() == var)

    if c.kind == "binop" and c.op in ("==", "!=") and len(c.kids) == 2:
        a, b = c.kids
        if not subject(a):
            a, b = b, a
        if not subject(a):
            return None
        v = status.const_status(b)
        eq = (c.op == "==") == want
        if v == STATUS["STATUS_TIMEOUT"]:
            return "timeout" if eq else "signaled"
        if v == 0:
            return "signaled" if eq else "timeout"
        return None
    if subject(c):
        return "timeout" if want else "signaled"
    return None


def _equal_to(cond: Expr, label: str, code: int) -> str | None:
    """The status subject that the branch `label` of `cond` finds equal to `code` (`st ==
    STATUS_NOT_SUPPORTED` taken, `!=` not taken, `case STATUS_NOT_SUPPORTED:`), else None."""
    if label.startswith("case:"):
        try:
            v = int(label[5:])
        except ValueError:
            return None
        return status.subject_key(cond) if v & 0xFFFFFFFF == code else None
    c, neg = status.unnegated(cond)
    want = (label == "T") != neg
    if label not in ("T", "F") or c.kind != "binop" or c.op not in ("==", "!=") or len(c.kids) != 2:
        return None
    a, b = c.kids
    if status.const_status(a) == code:
        a, b = b, a
    if status.const_status(b) != code or (c.op == "==") != want:
        return None
    return status.subject_key(a)


# -- summaries --------------------------------------------------------------------------------------
@dataclass
class Summary:
    fn: Function
    alts: dict                     # parameter-rooted key (None: event effects only) -> [Alt]
    relay: tuple | None = None     # (index, completed): it returns the status passed by value at index

    @property
    def keys(self):
        return [k for k in self.alts if k is not None]


@dataclass
class RoutineSummary:
    fn: Function
    irp_param: str | None
    ctx_param: str | None
    free_keys: dict                # routine-relative IRP key -> 'must' | 'may'
    free_locs: list
    signals: tuple                 # event keys (in terms of the context parameter)
    pending_only: bool
    returns: list                  # [(Event, value or None)]
    uses_context: bool
    frees_context: bool
    context_free_locs: list
    requests: list                 # [(chain, fn, event)] IRP-based WSK calls it can reach
    frees_pending_only: bool = False   # every free of the IRP or context is under Irp->PendingReturned
    free_guard: str | None = None      # it frees exactly when this context field is not NULL (`Context->Ov`)

    def guard_holds(self, context, nonnull) -> bool:
        """Whether the guard of a conditional free is known to hold for the caller's context."""
        return bool(self.free_guard) and bool(context) and self._caller(self.free_guard, context) in nonnull

    @property
    def free_loc(self) -> Loc:
        return (self.free_locs or self.context_free_locs or [self.fn.loc])[0]

    def _caller(self, path, context):
        if self.ctx_param and context and root_of(path) == self.ctx_param:
            return rebase(path, self.ctx_param, context)
        return path

    def event_for(self, context):
        for s in self.signals:
            e = self._caller(s, context)
            if e and (root_of(s) != self.ctx_param or context):
                return e
        return None

    def frees(self, irp_key, context) -> str:
        out = ""
        for k, how in self.free_keys.items():
            if k == self.irp_param or (irp_key and self._caller(k, context) == irp_key):
                if how == "must" or not out:
                    out = how
        if self.frees_context and context and irp_key and root_of(irp_key) == root_of(context) and \
                irp_key.startswith("&"):
            out = "must" if self.frees_context == "must" else (out or "may")
        return out

    def bad_returns(self):
        return [(ev, v) for ev, v in self.returns if v is not None and v != K.STATUS_MORE_PROCESSING_REQUIRED]


class IrpFlow:
    """Program-wide IRP flow (see the module docstring)."""

    def __init__(self, program):
        self.program = program
        self._flows: dict[str, FunctionFlow] = {}
        self._summaries: dict[str, Summary] = {}
        self._walks: dict[tuple, WalkResult] = {}
        self._walk_found: dict[tuple, list] = {}
        self._routines: dict[str, RoutineSummary | None] = {}
        self._returns: dict[str, set] = {}
        self._routine_uses: dict[str, dict] = {}
        self._busy: set = set()
        self._returned: dict[str, str | None] = {}
        self._ret_fields: dict[str, dict] = {}
        self.untimed: dict[int, tuple] = {}     # id(event) -> (fn, event, {WSK function}, helper name)

    # -- per function -----------------------------------------------------------------------------
    def flow(self, fn: Function) -> FunctionFlow:
        f = self._flows.get(fn.key)
        if f is None:
            self._busy.add(("flow", fn.key))
            f = self._flows[fn.key] = FunctionFlow(self, fn)
            self._busy.discard(("flow", fn.key))
        return f

    def walk(self, fn: Function, key: str | None) -> WalkResult:
        k = (fn.key, key)
        if k not in self._walks:
            w = IrpWalker(self, fn, key)
            self._walks[k] = WalkResult([], set())   # recursion guard
            self._walks[k] = w.run()
            self._walk_found[k] = w.found
        return self._walks[k]

    def summary(self, fn: Function) -> Summary:
        s = self._summaries.get(fn.key)
        if s is not None:
            return s
        if ("summary", fn.key) in self._busy or ("flow", fn.key) in self._busy:
            return Summary(fn, {})
        self._busy.add(("summary", fn.key))
        flow = self.flow(fn)
        alts = {}
        for key in [None] + flow.keys:
            res = self.walk(fn, key)
            if key is not None and not self.is_shared(fn, key):
                if root_of(key) == self.returned_local(fn) and key != root_of(key):
                    key = "^" + key   # an IRP in the object it returns (an allocation helper): the caller's now
                # the helper's own IRP: callers care when it may still be pending with their memory
                elif not any(a.final.phase in ("flight", "owned") and a.final.keep for a in res.alts):
                    continue
                else:
                    key = "@" + key
            uniq = []
            for a in res.alts:
                if key is not None and key.startswith("^") and a.final.null_ret:
                    continue   # the caller gets NULL there, not the object
                a = replace(a, final=replace(a.final, sub_loc=None, stale=None, null_ret=False))
                if a not in uniq:
                    uniq.append(a)
                    if len(uniq) == MAX_ALTS:
                        break       # only the first MAX_ALTS are kept: comparing thousands more is quadratic
            if uniq and any(self._effective(a) for a in uniq):
                alts[key] = uniq
        self._busy.discard(("summary", fn.key))
        relay = next(((fn.param_index(p), completed) for p, (completed, same)
                      in self.walk(fn, None).relays.items() if completed or same), None)
        s = self._summaries[fn.key] = Summary(fn, alts, relay)
        return s

    def returned_local(self, fn: Function) -> str | None:
        """The local that every return of `fn` returns (or NULL), when it returns a pointer to an object it
        set up (`ctx = ExAllocatePool...; ...; return ctx;`)."""
        if fn.key not in self._returned:
            names = set()
            for _, ev in fn.events():
                if ev.kind == "return" and ev.expr is not None:
                    if is_null(ev.expr):
                        continue
                    e = ev.expr.strip()
                    names.add(e.name if e.kind == "name" and e.name in fn.locals and
                              fn.locals[e.name].storage in ("auto", "register") else None)
            t = fn.return_type.replace("const ", "").strip()
            pointer = "*" in t or (t.startswith("P") and t[1:2].isupper())
            self._returned[fn.key] = names.pop() if len(names) == 1 and pointer else None
        return self._returned[fn.key]

    def ret_fields(self, fn: Function) -> dict:
        """{field: parameter index} for the object `fn` returns: fields it sets from a parameter on every
        path that returns the object (not NULL), `ctx->Context = Context` in an allocation helper."""
        if fn.key in self._ret_fields:
            return self._ret_fields[fn.key]
        self._ret_fields[fn.key] = {}
        local = self.returned_local(fn)
        if not local or not fn.blocks:
            return {}
        flow = self.flow(fn)
        cands: dict = {}
        for _, ev in fn.events():
            if ev.kind == "assign" and ev.target is not None and ev.expr is not None:
                t, src = flow.key(ev.target), ev.expr.strip()
                if t and t.startswith(local + "->") and "->" not in t[len(local) + 2:] and "." not in t[len(local) + 2:]:
                    i = fn.param_index(src.name) if src.kind == "name" else None
                    f = t[len(local) + 2:]
                    cands[f] = i if f not in cands or cands[f] == i else None
        cands = {f: i for f, i in cands.items() if i is not None}
        if not cands:
            return {}
        missing = set()

        def step(st, fx, ev, tr):   # state: (fields set from parameters, the object is NULL)
            if ev.kind in ("assign", "decl") and ev.target is not None:
                t = flow.key(ev.target) if ev.kind == "assign" else ev.target.strip().name
                if t == local and (ev.expr is not None or ev.kind == "assign"):
                    return (frozenset(), ev.expr is not None and is_null(ev.expr)), fx, tr
                if t and t.startswith(local + "->") and t[len(local) + 2:] in cands:
                    return (st[0] | {t[len(local) + 2:]}, st[1]), fx, tr
            return st, fx, tr

        def edge(st, blk, succ, label):
            t = null_test(blk.cond, flow) if blk.cond is not None and label in ("T", "F") else None
            return (st[0], (label == "T") == t[1]) if t is not None and t[0] == local else st

        def at_exit(st, fx, tr, ret):
            if not st[1] and not (ret is not None and ret.expr is not None and is_null(ret.expr)):
                missing.update(set(cands) - st[0])

        Walk(fn, step, at_exit, edge).run(fn.entry, 0, (frozenset(), False), Facts())
        self._ret_fields[fn.key] = {f: i for f, i in cands.items() if f not in missing}
        return self._ret_fields[fn.key]

    def relay(self, call: Expr, fn: Function) -> tuple | None:
        """For a call in `fn` to a helper that takes a status by value and returns it: (index of that
        argument, completed), `completed` when what it returns is the status the request finished with
        (it waited when the call was pending: `st = WaitForIrp(ctx, Dispatch->WskBind(...))`)."""
        found = {self.summary(c).relay for c in self.callees(call, fn)}
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _effective(a: Alt) -> bool:
        f = a.final
        return f.phase != "unknown" or bool(f.first or f.waits or f.resets or f.releases or a.outs)

    def callees(self, call: Expr, fn: Function) -> list[Function]:
        """Bodies a call may run: a direct callee, or every function/lambda bound to a function-pointer
        parameter of `fn` (`op(irp)` in a template wrapper)."""
        callee = self.program.callee(call, fn)
        if callee is not None and callee.blocks:
            return [callee]
        c = call.callee
        if call.op == "pointer" and c is not None and c.strip().kind == "name" and c.strip().ref == "param":
            i = fn.param_index(c.strip().name)
            if i is not None:
                return [f for f in self.bindings.get((fn.key, i), ()) if f.blocks]
        return []

    @cached_property
    def bindings(self) -> dict:
        """(function key, parameter index) -> functions and lambdas passed for that parameter."""
        out: dict = {}
        for fn in self.program.functions.values():
            for _, ev in fn.calls():
                callee = self.program.callee(ev.expr, fn)
                if callee is None:
                    continue
                for i, a in enumerate(ev.expr.args):
                    s = a.strip()
                    target = self.program.functions.get(s.name) if s.kind == "lambda" else None
                    if target is None:
                        name = function_ref(a)
                        target = self.program.resolve(name, fn.file) if name else None
                    if target is not None:
                        lst = out.setdefault((callee.key, i), [])
                        if target not in lst:
                            lst.append(target)
        return out

    # -- facts about keys ---------------------------------------------------------------------------
    def is_shared(self, fn: Function, key: str) -> bool:
        """Whether a key means the same thing to callers: rooted in a parameter or a global."""
        r = root_of(key)
        if r is None or r == "this":
            return False
        if fn.param_index(r) is not None:
            return True
        return r not in fn.locals and r in self.program.globals

    def is_stack(self, fn: Function, key: str) -> bool:
        r = root_of(key)
        v = fn.locals.get(r) if r else None
        if v is None or v.storage not in ("auto", "register") or "->" in key or key.startswith("*"):
            return False   # reached through a pointer: not the local's own storage
        return key.startswith("&") or "[" in (v.type or "")

    def initial_state(self, fn: Function, key: str, flow: FunctionFlow) -> IrpState:
        p = fn.param_index(key) if key else None
        if p is not None and "dispatch" in self.program.role_kinds(fn.key) and \
                fn.params[p].type.replace(" ", "") in ("PIRP", "IRP*", "_IRP*"):
            return IrpState(origin="upper", origin_loc=fn.params[p].loc)
        fo = self.field_origins.get(flow.members.get(key)) if key in flow.members else None
        st = IrpState(origin=fo[0], stack=fo[1], origin_loc=fo[2]) if fo else IrpState()
        if key in self.completed_irps.get(fn.key, ()):
            st = replace(st, phase="done", used=True)   # a completion routine: its request has completed
        return st

    @cached_property
    def completed_irps(self) -> dict:
        """Completion routine key -> the IRP keys, in the routine's terms, whose request has completed when
        it runs: its IRP parameter, and the IRP as reached through its context (`IoSetCompletionRoutine(
        c->Irp, R, c, ...)` makes it `Context->Irp` in R)."""
        out: dict = {}
        for fn in self.program.functions.values():
            aliases = None
            for _, ev in fn.calls():
                spec = K.ROUTINES.get(ev.expr.name) if ev.expr.op == "direct" else None
                if not spec or spec[0] != "irp_arm":
                    continue
                pos, args = spec[1], ev.expr.args
                name = function_ref(args[pos["routine"]]) if pos["routine"] < len(args) else None
                r = self.program.resolve(name, fn.file) if name else None
                if r is None or len(r.params) < 3:
                    continue
                aliases = _aliases(fn) if aliases is None else aliases
                keys = out.setdefault(r.key, set())
                if r.params[1].name:
                    keys.add(r.params[1].name)
                k = _through_context(key_of(args[pos["irp"]], aliases) if pos["irp"] < len(args) else None,
                                     key_of(args[pos["context"]], aliases) if pos["context"] < len(args) else None,
                                     r.params[2].name)
                if k:
                    keys.add(k)
        return out

    @cached_property
    def field_origins(self) -> dict:
        """(struct, field) -> (origin, stack locations, loc) when every store into that field is one
        allocation kind (`ctx->Irp = IoAllocateIrp(1, FALSE)` wherever the field is written)."""
        seen: dict = {}
        for fn in self.program.functions.values():
            for _, ev in fn.events():
                if ev.kind != "assign" or ev.target is None or ev.expr is None:
                    continue
                t = ev.target.strip()
                if t.kind != "member" or not t.ref:
                    continue
                if t.type.replace(" ", "") not in ("PIRP", "IRP*", "_IRP*"):
                    continue
                src = ev.expr.strip()
                kind = K.kind_of(src.name) if src.kind == "call" else None
                if is_null(src):
                    continue   # clearing the field after a free
                entry = ("allocate", _const(src.args[0]) if src.args else None, ev.loc) \
                    if kind == "irp_allocate" else None
                seen.setdefault((t.ref, t.name), []).append(entry)
        out = {}
        for k, entries in seen.items():
            if entries and all(e is not None for e in entries):
                stack = min((e[1] for e in entries if e[1] is not None), default=None)
                out[k] = ("allocate", stack, entries[0][2])
        return out

    @cached_property
    def _field_event_types(self) -> dict:
        out: dict = {}
        for fn in self.program.functions.values():
            fl = self.flow(fn)
            for k, v in fl.event_types.items():
                mem = fl.members.get(k.lstrip("&"))
                if mem:
                    out.setdefault(mem, set()).add(v)
        return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}

    def event_type(self, fn: Function, event: str | None) -> int | None:
        if not event:
            return None
        fl = self.flow(fn)
        if event in fl.event_types:
            return fl.event_types[event]
        mem = fl.members.get(event.lstrip("&"))
        return self._field_event_types.get(mem) if mem else None

    # -- completion routines -----------------------------------------------------------------------
    def routine(self, key: str | None) -> RoutineSummary | None:
        if not key:
            return None
        if key in self._routines:
            return self._routines[key]
        fn = self.program.functions.get(key)
        self._routines[key] = None
        if fn is None or not fn.blocks:
            return None
        self._routines[key] = r = self._summarise_routine(fn)
        return r

    def _summarise_routine(self, fn: Function) -> RoutineSummary:
        irp_p = fn.params[1].name if len(fn.params) > 1 and fn.params[1].name else None
        ctx_p = fn.params[2].name if len(fn.params) > 2 and fn.params[2].name else None
        flow = self.flow(fn)
        free_keys = {}
        for key in flow.keys:
            if key == irp_p or root_of(key) == ctx_p:
                res = self.walk(fn, key)
                finals = [a.final.phase for a in res.alts]
                if finals and "freed" in finals:
                    free_keys[key] = "must" if all(p == "freed" for p in finals) else "may"
        frees = [op for op in flow.all_ops("free") if op.key in free_keys]
        free_locs = [op.loc for op in frees]
        frees_ctx, ctx_locs = "", []
        if ctx_p:
            rel = [any(what == "pool_free" and o == ctx_p for what, o in a.final.releases)
                   for a in self.walk(fn, None).alts]
            if any(rel):
                frees_ctx = "must" if all(rel) else "may"
                frees += [op for op in flow.all_ops("release") if op.obj == ctx_p] + \
                    [op for op in flow.all_ops("call") if any(flow.key(a) == ctx_p for a in op.call.args)]
                ctx_locs = [op.loc for op in frees if op.kind != "free"]
        signals, pending_only, frees_pending_only = self._under_pending_returned(fn, flow, frees)
        guard = self._free_guard(fn, flow, frees, ctx_p) if frees and ctx_p and \
            ("may" in free_keys.values() or frees_ctx == "may") else None
        uses = bool(ctx_p) and any(n.kind == "name" and ctx_p in (n.name, root_of(flow.aliases.get(n.name)))
                                   for _, ev in fn.events() for e in (ev.expr, ev.target) if e is not None
                                   for n in e.walk())
        requests = list(call_chains(self.program, fn, irp_request))
        return RoutineSummary(fn, irp_p, ctx_p, free_keys, free_locs, signals, pending_only,
                              self._return_values(fn), uses, frees_ctx, ctx_locs or [fn.loc], requests,
                              frees_pending_only, guard)

    def _free_guard(self, fn, flow, frees, ctx_p) -> str | None:
        """A pointer reached through the context (`Context->Overlapped`) that is tested non-NULL on every
        path that frees and NULL (it, or what leads to it) on every path that does not."""
        free_evs = {id(op.ev) for op in frees}
        paths = []

        def step(st, fx, ev, tr):   # state: (NULL tests of pointers in the context so far, freed)
            return ((st[0], True) if id(ev) in free_evs else st), fx, tr

        Walk(fn, step, lambda st, fx, tr, ret: paths.append(st),
             lambda st, blk, succ, label: _with_test(st, blk, label, flow, ctx_p)).run(
            fn.entry, 0, (frozenset(), False), Facts())
        freeing = [t for t, freed in paths if freed]
        if not freeing or len(freeing) == len(paths):
            return None
        for k, null in sorted(set.intersection(*(set(t) for t in freeing))):
            if not null and all(any(n and (q == k or k.startswith((q + "->", q + "."))) for q, n in t)
                                   for t, freed in paths if not freed):
                return k
        return None

    def _under_pending_returned(self, fn, flow, frees):
        """(events signalled, whether every signal is under `if (Irp->PendingReturned)`, whether every free
        of the IRP or the context is): such a routine signals or frees only when the WSK call returned
        STATUS_PENDING."""
        found, freed = [], []
        free_evs = {id(op.ev) for op in frees}

        def step(st, fx, ev, tr):
            for op in flow.ops.get(id(ev), ()):
                if op.kind == "event_set" and op.obj:
                    found.append((op.obj, st))
            if id(ev) in free_evs:
                freed.append(st)
            return st, fx, tr

        def edge(st, blk, succ, label):
            return True if blk.cond is not None and pending_returned_edge(blk.cond, label) else st

        Walk(fn, step, edge=edge).run(fn.entry, 0, False, Facts())
        keys = tuple(dict.fromkeys(k for k, _ in found))
        return keys, bool(found) and all(pr for _, pr in found), bool(freed) and all(freed)

    def _return_values(self, fn: Function) -> list:
        """[(return event, value)] over every path: the value a return yields that is not
        STATUS_MORE_PROCESSING_REQUIRED when some path gives one, else that value, else None (unknown).
        Values come through local constants, macros and helpers."""
        vals: dict[int, tuple] = {}

        def at_exit(st, fx, tr, ret):
            if ret is not None and ret.expr is not None:
                vals.setdefault(id(ret), (ret, set()))[1].add(self.value_of(ret.expr, fx, fn))

        def step(st, fx, ev, tr):
            return (id(ev) if ev.kind == "return" else st), fx, tr

        Walk(fn, step, at_exit).run(fn.entry, 0, None, Facts())
        out = []
        for ret, vs in vals.values():
            bad = sorted(v for v in vs if v is not None and v != K.STATUS_MORE_PROCESSING_REQUIRED)
            out.append((ret, bad[0] if bad else (next(iter(vs)) if len(vs) == 1 else None)))
        return out

    def value_of(self, e: Expr, fx: Facts, fn: Function) -> int | None:
        """The constant a returned expression yields on a path (local constants, macros, helpers)."""
        c = status.const_status(e)
        if c is not None:
            return c
        s = e.strip()
        if s.kind == "name":
            v = fx.const(s.name)
            return None if v is None else v & 0xFFFFFFFF
        if s.kind == "call":
            callee = self.program.callee(s, fn)
            if callee is None or not callee.blocks or callee.key in self._returns:
                return None
            self._returns[callee.key] = set()
            vs = {v for _, v in self._return_values(callee)}
            self._returns.pop(callee.key, None)
            return next(iter(vs)) if len(vs) == 1 else None
        return None

    def note_routine_use(self, r: RoutineSummary, how: str, fn, loc, tr):
        self._routine_uses.setdefault(r.fn.key, {}).setdefault(how, []).append((fn, loc, tuple(tr)))

    # -- results ------------------------------------------------------------------------------------
    @cached_property
    def _all(self) -> list:
        found = []
        for fn in self.program.functions.values():
            if not fn.blocks:
                continue
            for key in self.flow(fn).keys:
                self.walk(fn, key)
        seen = set()
        for k, lst in self._walk_found.items():
            for inc in lst:
                ident = (inc.kind, inc.loc, inc.key, inc.fn.key, inc.data.get("obj"), inc.data.get("unsure"))
                if ident not in seen:
                    seen.add(ident)
                    found.append(inc)
        found.extend(self._routine_incidents())
        return found

    def _routine_incidents(self):
        out = []
        for key, uses in self._routine_uses.items():
            r = self.routine(key)
            if r is None or "driver" not in uses:
                continue
            bad = r.bad_returns()
            if not bad:
                continue
            if "upper" in uses and len(bad) < len(r.returns):
                continue   # shared with pass-through IRPs and it distinguishes them
            fn, loc, tr = uses["driver"][0]
            for ev, v in bad:
                name = status_name(v)
                if name.startswith("0x") and re.fullmatch(r"[A-Z][A-Z0-9_]+", ev.expr.text.strip()):
                    name = ev.expr.text.strip()   # the project's or the WDK's macro for it
                out.append(Incident("routine_status", r.fn, ev.loc, None,
                                    list(tr) + [Step(ev.loc, f"{r.fn.name} returns {name}")],
                                    {"value": v, "status": name, "routine": r.fn.key, "armed_in": fn.name}))
        return out

    def incidents(self, *kinds) -> list[Incident]:
        return [i for i in self._all if not kinds or i.kind in kinds]

    def untimed_waits(self) -> dict[int, tuple]:
        """Waits without a timeout that wait for a WSK request to complete: id(event) -> (function, event
        -- a KeWait* call or a call to a helper that waits --, WSK functions waited for, helper name or '')."""
        _ = self._all
        return self.untimed

    def note_untimed(self, fn, ev, wsk, helper):
        _, _, apis, _ = self.untimed.setdefault(id(ev), (fn, ev, set(), helper))
        if wsk:
            apis.add(wsk)

    def submissions(self, fn: Function) -> list[Op]:
        return list(self.flow(fn).all_ops("submit"))

    def synchronous(self, fn: Function, ev: Event) -> bool | None:
        sub = next((op for op in self.flow(fn).ops.get(id(ev), ()) if op.kind == "submit"), None)
        if sub is None:
            return None
        return self._sync(fn, sub.key, sub.loc, set())

    def _sync(self, fn, key, loc, seen) -> bool:
        if loc not in self.walk(fn, key).unproven:
            return True
        if not self.is_shared(fn, key) or fn.key in seen:
            return False
        callers = self._callers_of(fn)
        for caller, call_ev, call in callers:
            ck = self.flow(caller).map_key(key, fn, call)
            if ck is None or not self._sync(caller, ck, call_ev.loc, seen | {fn.key}):
                return False
        return bool(callers)

    def _callers_of(self, fn: Function):
        out = []
        for caller in self.program.functions.values():
            fl = self.flow(caller)
            for op in fl.all_ops("call"):
                if fn in op.callees:
                    out.append((caller, op.ev, op.call))
        return out

    # -- graph and dump -----------------------------------------------------------------------------
    def graph(self, fn: Function) -> nx.DiGraph:
        """Nodes: the IRP operations of `fn` (and the completion routines armed), edges: the order in
        which paths reach them (CFG condensed to these operations)."""
        import networkx as nx   # only `dump-irpflow` draws graphs: keep it out of every run's start-up

        flow = self.flow(fn)
        g = nx.DiGraph(function=fn.name)
        order = {}
        for b in fn.blocks:
            for i, ev in enumerate(b.events):
                for j, op in enumerate(flow.ops.get(id(ev), ())):
                    if op.kind == "call" and not any(self.summary(c).alts for c in op.callees):
                        continue
                    node = f"b{b.id}.{i}.{j}"
                    order.setdefault(b.id, []).append(node)
                    g.add_node(node, kind=op.kind, key=op.key or op.obj or "", api=op.api, line=op.loc.line,
                               label=_op_label(op, self, flow))
                    if op.kind == "arm" and op.routine:
                        r = self.routine(op.routine)
                        if r is not None:
                            rn = f"routine:{r.fn.name}"
                            g.add_node(rn, kind="routine", key="", api=r.fn.name, line=r.fn.loc.line,
                                       label=_routine_label(r))
                            g.add_edge(node, rn, kind="arms")
        first: dict[int, str | None] = {b: (ns[0] if ns else None) for b, ns in order.items()}
        for b, ns in order.items():
            for a, c in zip(ns, ns[1:]):
                g.add_edge(a, c, kind="flow")
        for b in fn.blocks:
            if b.id not in order:
                continue
            last = order[b.id][-1]
            stack, seen = [s for s, _ in b.succs], set()
            while stack:
                s = stack.pop()
                if s in seen:
                    continue
                seen.add(s)
                if first.get(s):
                    g.add_edge(last, first[s], kind="flow")
                    continue
                stack.extend(x for x, _ in fn.blocks[s].succs)
        return g

    def dump(self, fn: Function, fmt: str = "text") -> str:
        g = self.graph(fn)
        if fmt == "dot":
            lines = [f'digraph "{fn.name}" {{', "  node [shape=box, fontname=monospace];"]
            for n, d in g.nodes(data=True):
                shape = ', shape=ellipse' if d["kind"] == "routine" else ""
                lines.append(f'  "{n}" [label="{_dot(d["label"])}"{shape}];')
            for a, b, d in g.edges(data=True):
                style = ' [style=dashed, label="arms"]' if d["kind"] == "arms" else ""
                lines.append(f'  "{a}" -> "{b}"{style};')
            lines.append("}")
            return "\n".join(lines) + "\n"
        flow = self.flow(fn)
        out = [f"function {fn.name} ({fn.file}:{fn.loc.line})"]
        for key in flow.keys:
            st = self.initial_state(fn, key, flow)
            out.append(f"  IRP {key}: origin at entry {st.origin or 'unknown'}"
                       + (" (shared with callers)" if self.is_shared(fn, key) else ""))
        nodes = sorted(g.nodes(data=True), key=lambda x: (x[1]["line"], x[0]))
        for n, d in nodes:
            if d["kind"] == "routine":
                continue
            succ = [f"line {g.nodes[s]['line']}" for s in g.successors(n) if g.edges[n, s]["kind"] == "flow"]
            out.append(f"  {d['line']:>5}: {d['label']}" + (f"  -> {', '.join(succ)}" if succ else ""))
        for n, d in nodes:
            if d["kind"] == "routine":
                out.append(f"  {d['label']}")
        for inc in self.incidents():
            if inc.fn.key == fn.key:
                out.append(f"  incident {inc.kind} at line {inc.loc.line} ({inc.key})")
        return "\n".join(out) + "\n"


def irp_request(ev, fn) -> bool:
    if ev.kind != "call":
        return False
    w = wsk_name(ev.expr)
    if w not in K.IRP_CALLS:
        return False
    a = arg(ev.expr, "Irp")
    return a is not None and a.strip().value != 0 and a.strip().text not in ("NULL", "nullptr")


def _op_label(op: Op, db: IrpFlow, flow: FunctionFlow) -> str:
    k = op.key or op.obj or ""
    if op.kind == "submit":
        return f"submit {k} to {op.api}"
    if op.kind == "arm":
        r = db.routine(op.routine)
        flags = "/".join("T" if v else "F" if v == 0 else "?" for v in op.invoke)
        return f"arm {k} with {r.fn.name if r else op.routine or '?'} ({flags}) context {op.context}"
    if op.kind == "origin":
        return f"{k} = {op.api or op.origin}" + (f" (stack {op.value})" if op.value is not None else "")
    if op.kind == "wait":
        return f"wait {op.obj or '?'}" + (" (timed)" if op.timeout else "")
    if op.kind == "call":
        return f"call {op.api}: " + "; ".join(_call_effects(op, db, flow) or ["no IRP effect"])
    if op.kind == "release":
        return f"{op.api} {k}"
    return f"{op.kind} {k} ({op.api})"


def _call_effects(op: Op, db: IrpFlow, flow: FunctionFlow) -> list:
    """What a helper call does, in the caller's terms (from the helper's summary)."""
    out = []
    for callee in op.callees:
        summ = db.summary(callee).alts
        for key, alts in summ.items():
            if key is None and len(summ) > 1:
                continue   # the per-IRP entries say it all
            mine = flow.map_key(key, callee, op.call) if key else None
            phases = sorted({a.final.phase for a in alts} - {"unknown"})
            waits = sorted({flow.map_key(w, callee, op.call) or w for a in alts for w in a.final.waits})
            resets = sorted({flow.map_key(w, callee, op.call) or w for a in alts for w in a.final.resets})
            parts = [f"{mine}: {'/'.join(phases)}"] if mine and phases else []
            parts += [f"waits on {', '.join(waits)}"] if waits else []
            parts += [f"resets {', '.join(resets)}"] if resets else []
            if parts:
                out.append(f"{callee.name} " + ", ".join(parts))
    return out


def _routine_label(r: RoutineSummary) -> str:
    parts = [f"completion routine {r.fn.name}"]
    if r.free_keys:
        parts.append("frees " + ", ".join(f"{k} ({v})" for k, v in r.free_keys.items()))
    if r.frees_context:
        parts.append(f"frees context ({r.frees_context})")
    if r.signals:
        parts.append("signals " + ", ".join(r.signals) + (" if PendingReturned" if r.pending_only else ""))
    if r.requests:
        parts.append("starts " + ", ".join(sorted({wsk_name(e.expr) for _, _, e in r.requests})))
    rets = sorted({status_name(v) if v is not None else "?" for _, v in r.returns})
    parts.append("returns " + ", ".join(rets))
    return "; ".join(parts)


def _dot(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')
