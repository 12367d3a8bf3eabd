"""Mechanical fixes that set a socket option before a bind, written with the driver's own option helper.

When the function that binds a socket already sets an option on it through a helper call such as
`SetOption(s, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off))` or `SockOption(s, SOL_SOCKET, SO_KEEPALIVE, 1)`,
the fix copies that call with the option, level and value replaced, and inserts it before the bind.
Without such a helper (the option calls are written out with their IRP handling) no fix is offered.
"""
from __future__ import annotations

from ..knowledge import wsk
from ..model import Event, Expr, Loc
from ..result import Fix, Replacement
from . import source
from .sockets import SocketModel, Visit


def set_option_before_bind(sm: SocketModel, bind: Visit, option: str, value: int, var: str) -> Fix | None:
    level, _ = wsk.SOCKET_OPTIONS[option]
    level_name = next(k for k, v in wsk.LEVELS.items() if v == level)
    fn = bind.op.fn
    for v in sm.visits:
        op = v.op
        if v.origin is not bind.origin or op.fn is not fn or op.direct or op.name != "WskControlSocket":
            continue
        if sm.decode(op)[0] != "option":
            continue
        text = _rewrite(sm, op, option, level_name, value, var)
        if text is None:
            continue
        at = _before_irp_setup(fn, _statement_line(fn, bind.op.event), bind.op.arg("Irp"))
        indent = source.indent(fn.file, at)
        return Fix(f"Set {option} to {value} before WskBind",
                   [Replacement(Loc(fn.file, at, 1, at, 1), f"{indent}{text}\n")])
    return None


def _rewrite(sm, op, option, level_name, value, var) -> str | None:
    call = op.event.expr
    args = list(call.args)

    def index_of(param):
        b = op.arg(param)
        if b is None or b.fn is not op.fn:
            return None
        return next((i for i, a in enumerate(args) if a is b.expr), None)

    code_i, level_i = index_of("ControlCode"), index_of("Level")
    if code_i is None or level_i is None:
        return None
    edits = {code_i: option, level_i: level_name}
    rt = index_of("RequestType")
    if rt is not None:
        edits[rt] = "WskSetOption"
    buf_i, size_i = index_of("InputBuffer"), index_of("InputSize")
    block = False
    if buf_i is not None:
        edits[buf_i] = f"&{var}"
        if size_i is not None:
            edits[size_i] = f"sizeof({var})"
        block = True
    else:
        vi = _value_arg(sm, op, args)
        if vi is None:
            return None
        edits[vi] = str(value)
    text = source.splice(call.loc, [(args[i].loc, t) for i, t in edits.items()])
    if text is None:
        return None
    return f"{{ ULONG {var} = {value}; {text}; }}" if block else f"{text};"


def _value_arg(sm, op, args) -> int | None:
    """The argument of the helper call that becomes the option value (`SockOption(s, lvl, code, 1)`)."""
    b = op.arg("InputBuffer")
    if b is None:
        return None
    s = b.expr.strip()
    if not (s.kind == "unop" and s.op == "&" and s.kids):
        return None
    for r in sm.resolve_in(s.kids[0], b.fn, op.binds_for(b.fn)):
        if r.fn is op.fn:
            hit = next((i for i, a in enumerate(args) if a is r.expr or a.strip() is r.expr), None)
            if hit is not None:
                return hit
    return None


def _statement_line(fn, ev: Event) -> int:
    """The first line of the statement containing the call event `ev` (`status =` above a wrapped call)."""
    line = ev.loc.line
    for b in fn.blocks:
        for e in b.events:
            if e.kind in ("assign", "decl", "return") and e.expr is not None and _contains(e.expr, ev.expr):
                tgt_line = e.target.loc.line if e.target is not None else e.loc.line
                line = min(line, tgt_line, e.loc.line)
    return line


def _before_irp_setup(fn, line: int, irp) -> int:
    """Move above the statements just before the bind that prepare its IRP (`IoReuseIrp(irp)`,
    `IoSetCompletionRoutine(irp, ..., &done, ...)`, `KeClearEvent(&done)`), so the inserted request does
    not take the IRP between its preparation and its use."""
    if irp is None or irp.fn is not fn:
        return line
    roots = {irp.expr.strip().root()} - {None}
    calls = sorted(((ev.loc.line, ev) for _, ev in fn.calls() if ev.loc.line < line), key=lambda t: t[0],
                   reverse=True)
    for ln, ev in calls:
        if ln != line - 1:
            break
        mine = {a.strip().root() for a in ev.expr.args} - {None}
        if not mine & roots:
            break
        roots |= mine
        line = ln
    return line


def _contains(e: Expr, node: Expr) -> bool:
    return any(n is node for n in e.walk())
