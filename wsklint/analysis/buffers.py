"""Buffers and MDLs: where a pointer's memory comes from, MDL allocations, NULL tests."""
from __future__ import annotations

from ..knowledge import irp as K
from .status import unnegated
from ..model import Expr

USER_FIELDS = ("UserBuffer", "Type3InputBuffer")


def pointer_origin(e: Expr | None, flow) -> str | None:
    """'stack' | 'paged' | 'nonpaged' | 'user' for the memory `e` points to, None when unknown."""
    if e is None:
        return None
    s = e.strip()
    if any(n.kind == "member" and n.name in USER_FIELDS for n in s.walk()):
        return "user"
    k = flow.key(s)
    if not k:
        return None
    if flow.db.is_stack(flow.fn, k):
        return "stack"
    if k in flow.pool:
        return "paged" if flow.pool[k] else "nonpaged"
    return None


def null_branch(cond: Expr, key: str, flow) -> bool | None:
    """For a branch condition testing `key` against NULL, the label value (True for 'T') of the
    branch where it is NULL; None when the condition is no such test."""
    t = null_test(cond, flow)
    return t[1] if t is not None and t[0] == key else None


def null_test(cond: Expr, flow) -> tuple | None:
    """(key, label value of the branch where it is NULL) for a condition testing a pointer against NULL
    (`p`, `!p`, `p == NULL`, `NULL != p`), else None."""
    c, neg = unnegated(cond)
    if c.kind == "binop" and c.op in ("==", "!=") and len(c.kids) == 2:
        a, b = c.kids
        if is_null(a):
            a, b = b, a
        k = flow.key(a)
        if k is None or not is_null(b):
            return None
        return k, (c.op == "==") != neg
    if c.kind in ("name", "member", "unop", "index"):
        k = flow.key(c)
        return (k, neg) if k else None   # `if (m)`: NULL on the F branch; `if (!m)`: on the T branch
    return None


def is_null(e: Expr) -> bool:
    """`0`, `NULL`, `nullptr` (any casts)."""
    s = e.strip()
    return s.value == 0 or (s.kind == "name" and s.name in ("NULL", "nullptr"))


def mdl_allocations(flow) -> list:
    """[(MDL key, event, IoAllocateMdl call)] of a function."""
    out = []
    for _, ev in flow.fn.events():
        if ev.kind in ("assign", "decl") and ev.target is not None and ev.expr is not None:
            src = ev.expr.strip()
            if src.kind == "call" and K.kind_of(src.name) == "mdl_allocate":
                k = flow.key(ev.target) if ev.kind == "assign" else ev.target.strip().name
                if k:
                    out.append((k, ev, src))
    return out


def routine_arg(call: Expr, role: str) -> Expr | None:
    spec = K.ROUTINES.get(call.name)
    i = spec[1].get(role) if spec else None
    return call.args[i] if i is not None and i < len(call.args) else None


def blocks_of(fn) -> dict:
    """id(event) -> the block holding it."""
    return {id(ev): b for b in fn.blocks for ev in b.events}
