"""Recognising WSK and kernel calls in the model, and naming their arguments."""
from __future__ import annotations

from ..knowledge import wsk
from ..model import Expr

FREE_POOL = frozenset({"ExFreePool", "ExFreePoolWithTag", "ExFreePool2", "ExFreePoolWithQuotaTag"})


def wsk_name(call: Expr) -> str | None:
    """`WskSend` for `Dispatch->WskSend(...)`, `WskRegister` for the netio exports, else None."""
    if call.kind != "call":
        return None
    if call.op == "member" and call.name in wsk.PROVIDER_FUNCTIONS:
        if not call.ref or call.ref in wsk.PROVIDER_DISPATCH_TYPES or call.ref.startswith("WSK_PROVIDER"):
            return call.name
        return None
    if call.op in ("direct", "pointer") and call.name in wsk.EXPORTED_FUNCTIONS:
        return call.name
    if call.op == "pointer" and call.kids:
        # a provider function kept in a local: `PFN_WSK_SEND Send = Dispatch->WskSend; Send(...)`
        return wsk.PFN_TYPES.get(call.kids[0].type.replace("const ", "").strip())
    return None


def arg(call: Expr, param: str) -> Expr | None:
    """The argument passed for `param` of a WSK function (by the documented parameter order)."""
    name = wsk_name(call) or call.name
    params = wsk.PROVIDER_FUNCTIONS.get(name) or wsk.EXPORTED_FUNCTIONS.get(name)
    if not params or param not in params:
        return None
    i = params.index(param)
    args = call.args
    return args[i] if i < len(args) else None


def object_key(e: Expr | None) -> str | None:
    """A name for the object an argument designates, comparable across functions.

    `&g_Reg`, `g_Reg` -> `g_Reg`; `&Ctx->Registration` -> `Registration`. Casts and `&` are ignored.
    """
    if e is None:
        return None
    e = e.strip()
    if e.kind == "unop" and e.op == "&" and e.kids:
        e = e.kids[0].strip()
    if e.kind == "name":
        return e.name
    if e.kind == "member":
        return e.name
    if e.kind == "index" and e.kids:
        return object_key(e.kids[0])
    return None


def mentions(e: Expr | None, name: str) -> bool:
    """Whether the variable `name` occurs in `e`."""
    return e is not None and any(n.kind == "name" and n.name == name for n in e.walk())


def derefs(ev, is_pointer) -> bool:
    """Whether the event reads a member through a pointer that `is_pointer(expr)` accepts (`p->X`)."""
    for e in (ev.expr, ev.target):
        if e is not None:
            for n in e.walk():
                if n.kind == "member" and n.op == "->" and n.kids and is_pointer(n.kids[0]):
                    return True
    return False


def addressed_local(e: Expr | None, fn) -> str | None:
    """The automatic local whose address `e` takes (`&reg`, `&ctx.Reg`), else None."""
    if e is None:
        return None
    e = e.strip()
    if not (e.kind == "unop" and e.op == "&" and e.kids):
        return None
    inner = e.kids[0].strip()
    while inner.kind in ("member", "index") and inner.kids and (inner.kind == "index" or inner.op == "."):
        inner = inner.kids[0].strip()
    if inner.kind == "name":
        v = fn.locals.get(inner.name)
        if v is not None and v.storage in ("auto", "register"):
            return inner.name
    return None


def is_call_to(call: Expr, names) -> bool:
    if call.kind != "call":
        return False
    n = wsk_name(call) or (call.name if call.op in ("direct", "pointer") else None)
    return n in names if not isinstance(names, str) else n == names


def calls_to(names):
    """An event predicate `(ev, fn) -> bool` for calls to `names` (see `is_call_to`)."""
    return lambda ev, fn: ev.kind == "call" and is_call_to(ev.expr, names)


def calls_on_registration(names, key: str):
    """An event predicate for calls to `names` whose WskRegistration argument is the object `key`."""
    return lambda ev, fn: ev.kind == "call" and is_call_to(ev.expr, names) and \
        object_key(arg(ev.expr, "WskRegistration")) == key


def const_value(e: Expr | None) -> int | None:
    """The integer an argument folds to, also when the headers defining it were missing (then the
    stubbed name is looked up in `knowledge.wsk.CONSTANTS`)."""
    if e is None:
        return None
    e = e.strip()
    if e.value is not None:
        return e.value
    name = e.macro or (e.name if e.kind == "name" else "")
    return wsk.CONSTANTS.get(name)


def is_const(e: Expr | None, name: str) -> bool:
    """Whether an argument is the named constant (`SO_WSK_EVENT_CALLBACK`, `WskSetOption`, ...)."""
    if e is None:
        return False
    s = e.strip()
    if s.macro == name or (s.kind == "name" and s.name == name):
        return True
    v = const_value(s)
    return v is not None and v == wsk.CONSTANTS.get(name)
