"""Path facts from branch conditions on NTSTATUS values.

An outcome set says what a status may be on a path: OK (success, not pending), PENDING, FAIL.
`NT_SUCCESS(st)` true leaves {OK, PENDING} (STATUS_PENDING is a success code); `st == STATUS_PENDING`
true leaves {PENDING}; and so on. Subjects are keyed by access path (`st`, `ctx->Status`) or by the
identity of a call expression (`if (!NT_SUCCESS(WskRegister(...)))`).
"""
from __future__ import annotations

import re

from ..knowledge.wsk import STATUS, u32
from ..model import Expr

OK, PENDING, FAIL = "ok", "pending", "fail"
ANY = frozenset({OK, PENDING, FAIL})
SUCCESS = frozenset({OK, PENDING})

_PENDING = STATUS["STATUS_PENDING"]
_SUCCESS_NAME = re.compile(r"(?i)(^|_)(NT_SUCCESS|SUCCESS|SUCCEEDED|FAILED|FAILURE|NT_ERROR|ERROR)$")
_FAIL_NAME = re.compile(r"(?i)(FAILED|FAILURE|ERROR)$")


def subject_key(e: Expr) -> str | None:
    e = e.strip()
    if e.kind == "call":
        return f"call:{id(e)}"
    return e.path()


def const_status(e: Expr) -> int | None:
    e = e.strip()
    if e.value is not None:
        return u32(e.value)
    if e.macro in STATUS:
        return STATUS[e.macro]
    if e.kind == "name" and e.name in STATUS:
        return STATUS[e.name]
    return None


def unnegated(e: Expr) -> tuple[Expr, bool]:
    """`e` without its leading `!`s (and casts), and whether there was an odd number of them."""
    c, neg = e.strip(), False
    while c.kind == "unop" and c.op == "!" and c.kids:
        c, neg = c.kids[0].strip(), not neg
    return c, neg


def outcome(code: int) -> frozenset:
    """The outcomes a status known to equal `code` has."""
    if code == _PENDING:
        return frozenset({PENDING})
    if code == 0:
        return frozenset({OK})
    if code & 0xC0000000 == 0xC0000000:
        return frozenset({FAIL})
    return ANY


def constraints(e: Expr, want: bool) -> dict[str, frozenset]:
    """What must hold of status subjects for `e` to evaluate to `want`."""
    e = e.strip()
    if e.kind == "unop" and e.op == "!" and e.kids:
        return constraints(e.kids[0], not want)
    if e.kind == "call" and e.args and e.op in ("direct", "pointer", "unknown") and _SUCCESS_NAME.search(e.name):
        # NT_SUCCESS when the headers are missing, or a project macro such as QUIC_FAILED(st)
        key = subject_key(e.args[0])
        if key is None:
            return {}
        ok = (not _FAIL_NAME.search(e.name)) == want
        return {key: SUCCESS if ok else frozenset({FAIL})}
    if e.kind == "binop" and len(e.kids) == 2:
        a, b = e.kids
        if e.op == "&&":
            return _merge(constraints(a, True), constraints(b, True)) if want else {}
        if e.op == "||":
            return {} if want else _merge(constraints(a, False), constraints(b, False))
        ka, kb = const_status(a), const_status(b)
        if ka is None and kb is None:
            return {}
        subj, k, op = (b, ka, _flip(e.op)) if ka is not None else (a, kb, e.op)
        if subj.strip().value is not None:
            return {}
        key = subject_key(subj)
        if key is None:
            return {}
        if op in (">=", "<", ">", "<=") and k == 0:
            success = (op == ">=") == want if op in (">=", "<") else None
            if success is None:
                return {}
            return {key: SUCCESS if success else frozenset({FAIL})}
        if op in ("==", "!="):
            eq = (op == "==") == want
            if k == _PENDING:
                return {key: frozenset({PENDING}) if eq else frozenset({OK, FAIL})}
            if k == 0:
                return {key: frozenset({OK}) if eq else frozenset({PENDING, FAIL})}
            if k & 0xC0000000 == 0xC0000000:
                return {key: frozenset({FAIL})} if eq else {}
        return {}
    # `if (st)`: a non-zero status is not STATUS_SUCCESS
    key = subject_key(e) if e.kind in ("name", "member", "call") else None
    if key is not None and e.kind != "call":
        return {key: frozenset({PENDING, FAIL}) if want else frozenset({OK})}
    return {}


def _flip(op: str) -> str:
    return {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)


def _merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = out[k] & v if k in out else v
    return out


def evaluate(e: Expr, const_of) -> bool | None:
    """The truth of a condition from known local constants (`const_of(name)`), or None if unknown."""
    e = e.strip()
    if e.kind == "unop" and e.op == "!" and e.kids:
        v = evaluate(e.kids[0], const_of)
        return None if v is None else not v
    if e.kind == "name":
        v = const_of(e.name)
        return None if v is None else v != 0
    if e.kind == "binop" and len(e.kids) == 2:
        a, b = e.kids
        if e.op == "&&":
            x, y = evaluate(a, const_of), evaluate(b, const_of)
            if x is False or y is False:
                return False
            return True if x and y else None
        if e.op == "||":
            x, y = evaluate(a, const_of), evaluate(b, const_of)
            if x or y:
                return True
            return False if x is False and y is False else None
        if e.op in ("==", "!="):
            va = a.strip().value if a.strip().value is not None else (
                const_of(a.strip().name) if a.strip().kind == "name" else None)
            vb = b.strip().value if b.strip().value is not None else (
                const_of(b.strip().name) if b.strip().kind == "name" else None)
            if va is None or vb is None:
                return None
            return (va == vb) == (e.op == "==")
    return None


def failure_branch(cond: Expr, want: bool) -> bool:
    """Whether taking the `want` branch of `cond` means that some status did not succeed (an error path:
    `!NT_SUCCESS(st)`, `st != STATUS_SUCCESS`), as opposed to `st == STATUS_PENDING` or `p != NULL`."""
    cons = constraints(cond, want).values()
    if any(v == frozenset({FAIL}) for v in cons):
        return True
    return any(FAIL in v and OK not in v for v in cons) and \
        any(n.type == "NTSTATUS" or n.macro == "STATUS_SUCCESS" for n in cond.walk())


def flag_test(cond: Expr, is_flag) -> bool | None:
    """True when `cond` holds exactly when a flag is set (`Flags & F`, `(Flags & F) != 0`), False when
    exactly when it is clear (`!(Flags & F)`, `(Flags & F) == 0`), None when it tests no flag.
    `is_flag(e)` says whether the `&` expression `e` tests the flag in question."""
    c = cond.strip()
    if c.kind == "unop" and c.op == "!" and c.kids:
        inner = flag_test(c.kids[0], is_flag)
        return None if inner is None else not inner
    if c.kind == "binop" and c.op in ("==", "!=") and len(c.kids) == 2:
        a, b = c.kids
        zero = a if a.strip().value == 0 else b if b.strip().value == 0 else None
        if zero is not None:
            inner = flag_test(b if zero is a else a, is_flag)
            return None if inner is None else (inner if c.op == "!=" else not inner)
    if c.kind == "binop" and c.op == "&" and len(c.kids) == 2 and is_flag(c):
        return True
    return None
