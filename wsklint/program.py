"""All models of one driver, with indexes and the facts every rule family shares (roles).

Heavier analyses hang off `Program` as cached properties, so a run builds only what the enabled
rules ask for.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

from .analysis.calls import arg, object_key, wsk_name
from .knowledge import wsk
from .model import Expr, FileModel, Function, Loc

# Role typedefs (from `IO_COMPLETION_ROUTINE Foo;` or `_Function_class_(...)`) -> role kind.
ROLE_TYPEDEFS = {
    "IO_COMPLETION_ROUTINE": "completion",
    "DRIVER_UNLOAD": "unload",
    "DRIVER_INITIALIZE": "driver_entry",
    "DRIVER_DISPATCH": "dispatch",
    "DRIVER_DISPATCH_PAGED": "dispatch",
    "DRIVER_DISPATCH_RAISED": "dispatch",
    "DRIVER_ADD_DEVICE": "add_device",
    "DRIVER_STARTIO": "dispatch",
    "DRIVER_CANCEL": "cancel",
    "KDEFERRED_ROUTINE": "dpc",
    "IO_DPC_ROUTINE": "dpc",
    "IO_TIMER_ROUTINE": "timer",
    "IO_WORKITEM_ROUTINE": "work_item",
    "IO_WORKITEM_ROUTINE_EX": "work_item",
    "WORKER_THREAD_ROUTINE": "work_item",
    "KSTART_ROUTINE": "thread",
    "EVT_WDF_DRIVER_UNLOAD": "unload",
    "EVT_WDF_OBJECT_CONTEXT_CLEANUP": "cleanup",
    "EVT_WDF_DRIVER_DEVICE_ADD": "add_device",
    "EVT_WDF_DEVICE_PREPARE_HARDWARE": "pnp_start",
    "EVT_WDF_DEVICE_D0_ENTRY": "pnp_start",
    "MINIPORT_INITIALIZE": "pnp_start",
    "MINIPORT_HALT": "unload",
    "MINIPORT_UNLOAD": "unload",
    "MINIPORT_SEND_NET_BUFFER_LISTS": "ndis_datapath",     # NDIS data path: IRQL <= DISPATCH_LEVEL
    "MINIPORT_RETURN_NET_BUFFER_LISTS": "ndis_datapath",
    "MINIPORT_CANCEL_SEND": "ndis_datapath",
    "EVT_WDF_WORKITEM": "work_item",
    "EVT_WDF_DPC": "dpc",
    "EVT_WDF_TIMER": "wdf_timer",
    "EXT_CALLBACK": "timer",
    **{k: f"event:{v}" for k, v in wsk.EVENT_ROLE_TYPES.items()},
}

# Fields whose assignment registers a role (`DriverObject->DriverUnload = Unload`).
ROLE_FIELDS = {
    "DriverUnload": "unload",
    "AddDevice": "add_device",
    "DriverStartIo": "dispatch",
    "EvtDriverUnload": "unload",
    "EvtDriverDeviceAdd": "add_device",
    "EvtDevicePrepareHardware": "pnp_start",
    "EvtCleanupCallback": "cleanup",
    "MiniportInitializeEx": "pnp_start",
    "MiniportHaltEx": "unload",
    "MiniportDriverUnload": "unload",
    "WorkerRoutine": "work_item",       # ExInitializeWorkItem is a macro over this field
    # NDIS_MINIPORT_DRIVER_CHARACTERISTICS
    "InitializeHandlerEx": "pnp_start",
    "HaltHandlerEx": "unload",
    "UnloadHandler": "unload",
    "SendNetBufferListsHandler": "ndis_datapath",
    "ReturnNetBufferListsHandler": "ndis_datapath",
    "CancelSendHandler": "ndis_datapath",
}

# Calls that register a routine: callee -> (argument index of the routine, role).
ROLE_CALLS = {
    "IoSetCompletionRoutine": (1, "completion"),
    "IoSetCompletionRoutineEx": (2, "completion"),
    "IoQueueWorkItem": (1, "work_item"),
    "IoQueueWorkItemEx": (1, "work_item"),
    "ExInitializeWorkItem": (1, "work_item"),
    "IoInitializeWorkItem": (None, None),
    "KeInitializeDpc": (1, "dpc"),
    "KeInitializeThreadedDpc": (1, "dpc"),
    "IoInitializeDpcRequest": (1, "dpc"),
    "IoInitializeTimer": (1, "timer"),
    "PsCreateSystemThread": (5, "thread"),
    "IoCreateSystemThread": (6, "thread"),
    "ExCreateCallback": (None, None),
    "ExAllocateTimer": (0, "timer"),
}

# Timer arming calls: callee -> argument index of the KDPC whose routine runs when the timer fires.
TIMER_SET_CALLS = {"KeSetTimer": 2, "KeSetTimerEx": 3, "KeSetCoalescableTimer": 4}

# WskSocket's dispatch table type follows from its Flags (WSK_FLAG_*_SOCKET); these calls and the
# WskAcceptEvent out-parameter take a connection table.
SOCKET_FLAG_TABLES = {1: "WSK_CLIENT_LISTEN_DISPATCH", 2: "WSK_CLIENT_CONNECTION_DISPATCH",
                      4: "WSK_CLIENT_DATAGRAM_DISPATCH", 8: "WSK_CLIENT_STREAM_DISPATCH"}
TABLE_ARGS = {"WskSocketConnect": "Dispatch", "WskAccept": "AcceptSocketDispatch"}

# Roles whose code WSK (or the I/O manager) may run at DISPATCH_LEVEL in an arbitrary thread.
CALLBACK_ROLES = ("completion", "dpc", "timer")


@dataclass(frozen=True, slots=True)
class Role:
    kind: str          # driver_entry | unload | dispatch | completion | event:<WskXxxEvent> | provider | ...
    key: str           # function key
    loc: Loc           # where the role was registered (or the declaration)
    via: str           # how it was found, for traces: "WSK_CLIENT_CONNECTION_DISPATCH initializer"

    @property
    def event(self) -> str:
        """The WSK event callback this role is (`WskReceiveEvent`), or ''."""
        return self.kind[6:] if self.kind.startswith("event:") else ""


ROLE_TEXT = {
    "driver_entry": "the driver entry point",
    "unload": "the unload routine",
    "dispatch": "an IRP dispatch routine",
    "add_device": "the AddDevice routine",
    "pnp_start": "a PnP start routine",
    "completion": "an IoCompletion routine (runs at IRQL <= DISPATCH_LEVEL)",
    "dpc": "a DPC routine (runs at DISPATCH_LEVEL)",
    "timer": "a timer routine (runs at DISPATCH_LEVEL)",
    "wdf_timer": "a framework timer callback (runs at IRQL <= DISPATCH_LEVEL)",
    "ndis_datapath": "an NDIS send or return handler (runs at IRQL <= DISPATCH_LEVEL)",
    "cancel": "a cancel routine (runs at DISPATCH_LEVEL)",
    "work_item": "a work-item routine (runs at PASSIVE_LEVEL)",
    "thread": "a system thread (runs at PASSIVE_LEVEL)",
    "cleanup": "a cleanup callback",
    "provider": "a WSK provider function",
}


def short(loc: Loc | None) -> str:
    """`file.c:12`, how messages name a place."""
    return f"{os.path.basename(loc.file)}:{loc.line}" if loc is not None else "?"


def role_text(kind: str) -> str:
    if kind.startswith("event:"):
        return f"the {kind[6:]} callback (runs at IRQL <= DISPATCH_LEVEL)"
    return ROLE_TEXT.get(kind, kind)


def function_ref(e: Expr | None) -> str | None:
    """The function named by an expression (`Fn`, `&Fn`, `(PVOID)Fn`), or None."""
    if e is None:
        return None
    e = e.strip()
    if e.kind == "unop" and e.op == "&" and e.kids:
        e = e.kids[0].strip()
    if e.kind == "name" and e.ref == "function":
        return e.name
    return None


class Program:
    def __init__(self, models: list[FileModel]):
        self.files = models
        self.functions: dict[str, Function] = {}
        self.by_name: dict[str, list[Function]] = {}
        self.globals: dict[str, list] = {}
        for m in models:
            for fn in m.functions:
                self.functions[fn.key] = fn
                self.by_name.setdefault(fn.name, []).append(fn)
            for g in m.globals:
                self.globals.setdefault(g.name, []).append(g)
        self._merge_cross_file_decls()

    def _merge_cross_file_decls(self):
        decls: dict[str, list] = {}
        for m in self.files:
            for d in m.decls:
                decls.setdefault(d.name, []).append(d)
        for fn in self.functions.values():
            for d in decls.get(fn.name, ()):
                for r in d.role_types:
                    if r not in fn.role_types:
                        fn.role_types.append(r)
                for a in d.annotations:
                    if a not in fn.annotations:
                        fn.annotations.append(a)
                if not fn.section and d.section:
                    fn.section = d.section

    @cached_property
    def declarations(self) -> dict[str, list[str]]:
        """name -> SAL annotations of the driver's own declarations, including functions it only
        declares or defines inline in its headers (`static inline KIRQL RcuReadLock(VOID)`)."""
        out: dict[str, list[str]] = {}
        for m in self.files:
            for d in m.decls:
                lst = out.setdefault(d.name, [])
                lst += [a for a in d.annotations if a not in lst]
        return out

    # -- name resolution ------------------------------------------------------------------------
    def resolve(self, name: str, from_file: str | None = None) -> Function | None:
        """The function `name` as seen from `from_file` (a static one there wins)."""
        cands = self.by_name.get(name)
        if not cands:
            return None
        if from_file is not None:
            for fn in cands:
                if fn.is_static and fn.file == from_file and not fn.parent:
                    return fn
        for fn in cands:
            if not fn.is_static:
                return fn
        return cands[0] if len(cands) == 1 else None

    def callee(self, call: Expr, caller: Function) -> Function | None:
        """The body of a direct call (or C++ method call), when the driver defines it."""
        if call.op in ("direct", "method") and call.name:
            return self.resolve(call.name, caller.file)
        return None

    @cached_property
    def callers(self) -> dict[str, list]:
        """callee key -> [(caller Function, call event, call expr)] for direct calls to functions with a body."""
        out: dict[str, list] = {}
        for fn in self.functions.values():
            for _, ev in fn.calls():
                g = self.callee(ev.expr, fn)
                if g is not None and g.blocks:
                    out.setdefault(g.key, []).append((fn, ev, ev.expr))
        return out

    # -- roles -----------------------------------------------------------------------------------
    @cached_property
    def roles(self) -> dict[str, list[Role]]:
        """function key -> roles (every registration found)."""
        out: dict[str, list[Role]] = {}

        def add(kind, name, file, loc, via):
            fn = self.resolve(name, file)
            if fn is None:
                return
            lst = out.setdefault(fn.key, [])
            if not any(r.kind == kind and r.loc == loc for r in lst):
                lst.append(Role(kind, fn.key, loc, via))

        for fn in self.functions.values():
            for rt in fn.role_types:
                kind = ROLE_TYPEDEFS.get(rt)
                if kind:
                    add(kind, fn.name, fn.file, fn.loc, f"declared as {rt}")
            if fn.name == "DriverEntry":
                add("driver_entry", fn.name, fn.file, fn.loc, "DriverEntry")
        dpc_routines: dict[str, tuple] = {}     # KDPC object -> (routine, file)
        timer_sets = []
        for m in self.files:
            for g in m.globals:
                if g.init is not None:
                    self._roles_from_init(g.init, g.type, m.path, add)
            for fn in m.functions:
                for b, ev in fn.events():
                    if ev.kind == "decl" and ev.expr is not None and ev.target is not None:
                        self._roles_from_init(ev.expr, ev.target.type, fn.file, add)
                    elif ev.kind == "assign" and ev.target is not None:
                        self._roles_from_assign(ev, fn, add)
                        self._roles_from_handout(ev, fn, _accept_dispatch_out(ev, fn), add)
                    elif ev.kind == "call":
                        name, args = ev.expr.name, ev.expr.args
                        spec = ROLE_CALLS.get(name)
                        if spec and spec[0] is not None and ev.expr.op == "direct":
                            if spec[0] < len(args):
                                routine = function_ref(args[spec[0]])
                                if routine:
                                    add(spec[1], routine, fn.file, ev.loc, f"{name}()")
                                    if name in ("KeInitializeDpc", "KeInitializeThreadedDpc") and args:
                                        dpc_routines[object_key(args[0])] = (routine, fn.file)
                        elif name in TIMER_SET_CALLS and TIMER_SET_CALLS[name] < len(args):
                            timer_sets.append((ev, object_key(args[TIMER_SET_CALLS[name]])))
                        else:
                            self._roles_from_handout(ev, fn, _table_type(ev.expr), add)
        for ev, dpc in timer_sets:
            if dpc in dpc_routines:
                routine, file = dpc_routines[dpc]
                add("timer", routine, file, ev.loc, f"{ev.expr.name}() on the DPC of {routine}")
        return out

    def _roles_from_handout(self, ev, fn: Function, table_type: str | None, add):
        """A client dispatch table passed to WSK (`WskSocket(..., &Table, ...)`, `*AcceptSocketDispatch =
        &Table`) has the type the call implies, even where its declaration does not show it (a
        project typedef, a table parsed without the WSK headers)."""
        if table_type is None:
            return
        if ev.kind == "call":
            i = _table_arg(ev.expr)
            if i >= len(ev.expr.args):
                return
            value = ev.expr.args[i]
        else:
            value = ev.expr
        tab = value.strip()
        if not (tab.kind == "unop" and tab.op == "&" and tab.kids and tab.kids[0].strip().kind == "name"):
            return
        how = wsk_name(ev.expr) if ev.kind == "call" else ev.target.text
        via = f"{table_type} passed on by {how} at {os.path.basename(ev.loc.file)}:{ev.loc.line}"
        for g in self.globals.get(tab.kids[0].strip().name, ()):
            if g.init is not None and g.init.kind == "init":
                self._roles_from_init(g.init, table_type, g.loc.file, add, positional=True, via=via)

    def _roles_from_init(self, init: Expr, type_name: str, file: str, add, positional: bool = False,
                         via: str | None = None):
        t = _norm(type_name)
        if init.kind != "init":
            return
        client = wsk.CLIENT_DISPATCH_TYPES.get(t)
        provider = t in wsk.PROVIDER_DISPATCH_TYPES
        layout = wsk.CLIENT_DISPATCH_LAYOUT.get(t, client) if positional else ()
        for pos, item in enumerate(init.kids):
            field = item.name.split(".")[-1]
            if (not field or field.startswith("[")) and layout and pos < len(layout):
                field = layout[pos]
            value = item.kids[0] if item.kids else None
            name = function_ref(value)
            if value is not None and value.kind == "init":
                # nested tables (WSK_PROVIDER_*_DISPATCH.Basic) and arrays of structs
                sub_t = t if not value.type else value.type
                self._roles_from_init(value, sub_t, file, add)
                continue
            if not name:
                continue
            if client and field in client:
                add(f"event:{field}", name, file, item.loc, via or f"{t} initializer")
            elif provider or (t.startswith("WSK_PROVIDER_") and field.startswith("Wsk")):
                add("provider", name, file, item.loc, f"{t} initializer (provider side)")
            elif field in ROLE_FIELDS:
                add(ROLE_FIELDS[field], name, file, item.loc, f"{field} initializer")

    def _roles_from_assign(self, ev, fn: Function, add):
        name = function_ref(ev.expr)
        if not name:
            return
        tgt = ev.target.strip()
        if tgt.kind == "member":
            field = tgt.name
            struct = tgt.ref
            if struct in wsk.CLIENT_DISPATCH_TYPES and field in wsk.CLIENT_DISPATCH_TYPES[struct]:
                add(f"event:{field}", name, fn.file, ev.loc, f"{struct}.{field} assignment")
            elif struct in wsk.PROVIDER_DISPATCH_TYPES:
                add("provider", name, fn.file, ev.loc, f"{struct}.{field} assignment (provider side)")
            elif not struct and field in wsk.EVENT_CALLBACKS:
                add(f"event:{field}", name, fn.file, ev.loc, f"{field} assignment")
            elif field in ROLE_FIELDS:
                add(ROLE_FIELDS[field], name, fn.file, ev.loc, f"{tgt.text} = {name}")
        elif tgt.kind == "index" and tgt.kids and tgt.kids[0].strip().kind == "member" \
                and tgt.kids[0].strip().name == "MajorFunction":
            add("dispatch", name, fn.file, ev.loc, f"{tgt.text} = {name}")

    def function_at(self, loc: Loc) -> Function | None:
        """The function whose body contains `loc` (the innermost one, for lambdas)."""
        best = None
        for fn in self._by_file.get(loc.file, ()):
            if fn.loc.line <= loc.line <= fn.end_line and (best is None or fn.loc.line >= best.loc.line):
                best = fn
        return best

    @cached_property
    def _by_file(self) -> dict[str, list[Function]]:
        out: dict[str, list[Function]] = {}
        for fn in self.functions.values():
            out.setdefault(fn.file, []).append(fn)
        return out

    def role_kinds(self, key: str) -> set[str]:
        return {r.kind for r in self.roles.get(key, ())}

    def functions_with_role(self, kind: str) -> list[tuple[Function, Role]]:
        out = []
        for key, roles in self.roles.items():
            for r in roles:
                if r.kind == kind or (kind.endswith(":") and r.kind.startswith(kind)):
                    out.append((self.functions[key], r))
        return out

    @cached_property
    def callgraph(self):
        """The whole-driver call graph (`graphs.callgraph.CallGraph`): direct, function-pointer and
        registration edges."""
        from .graphs.callgraph import CallGraph
        return CallGraph(self)

    @cached_property
    def irql(self):
        """IRQL facts per function and per event (`graphs.irql.IrqlFacts`)."""
        from .graphs.irql import IrqlFacts
        return IrqlFacts(self)

    @cached_property
    def sockets(self):
        """The socket typestate (analysis/sockets.py), built on first use."""
        from .analysis.sockets import SocketModel
        return SocketModel(self)

    @cached_property
    def irpflow(self):
        """IRP lifecycles, helper and completion-routine summaries (see `graphs/irpflow.py`)."""
        from .graphs.irpflow import IrpFlow
        return IrpFlow(self)

    @cached_property
    def provider_functions(self) -> set[str]:
        """Functions that implement the provider side of WSK; client rules do not judge them."""
        return {k for k, roles in self.roles.items() if any(r.kind == "provider" for r in roles)}


def _table_type(call: Expr) -> str | None:
    """The client dispatch table type a WSK call takes, or None."""
    name = wsk_name(call)
    if name in TABLE_ARGS:
        return "WSK_CLIENT_CONNECTION_DISPATCH"
    if name == "WskSocket":
        flags = arg(call, "Flags")
        v = flags.strip().value if flags is not None else None
        return SOCKET_FLAG_TABLES.get(v) if v is not None else None
    return None


def _table_arg(call: Expr) -> int:
    name = wsk_name(call)
    params = wsk.PROVIDER_FUNCTIONS[name]
    return params.index(TABLE_ARGS.get(name, "Dispatch"))


def _accept_dispatch_out(ev, fn: Function) -> str | None:
    """`*AcceptSocketDispatch = &Table` in an accept callback hands out a connection table."""
    tgt = ev.target.strip()
    if ev.op not in ("=", "") or not (tgt.kind == "unop" and tgt.op == "*" and tgt.kids):
        return None
    p = tgt.kids[0].strip()
    if p.kind != "name":
        return None
    i = fn.param_index(p.name)
    if i is None:
        return None
    if p.name == "AcceptSocketDispatch" or (i == 6 and "WSK_CLIENT_CONNECTION_DISPATCH" in fn.params[i].type):
        return "WSK_CLIENT_CONNECTION_DISPATCH"
    return None


def struct_name(type_spelling: str) -> str:
    """`const struct _CTX *[4]` -> `CTX`."""
    s = type_spelling
    for w in ("const ", "volatile ", "struct ", "static "):
        s = s.replace(w, "")
    return s.split("[")[0].replace("*", "").strip().lstrip("_")


def _norm(type_spelling: str) -> str:
    s = struct_name(type_spelling)
    if s.startswith("P") and s[1:] in wsk.CLIENT_DISPATCH_TYPES:
        s = s[1:]
    return s
