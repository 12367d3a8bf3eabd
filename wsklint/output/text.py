"""Compiler-style text: `path:line:col: severity: message [CODE]`, with the proving path indented."""
from __future__ import annotations

from ..result import RunResult, inside


def _rel(path: str, root: str) -> str:
    return inside(path, root) or path


def _where(loc, root: str) -> str:
    return f"{_rel(loc.file, root)}:{loc.line}:{loc.col}"


def render(result: RunResult) -> str:
    lines = []
    shown = result.shown()
    for d in shown:
        lines.append(f"{_where(d.loc, result.root)}: {d.severity}: {d.message} [{d.code}]")
        for s in d.trace:
            lines.append(f"    {_where(s.loc, result.root)}: note: {s.note}")
    counts = {}
    for d in shown:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items()) or "no findings"
    suppressed = sum(d.suppression is not None for d in result.diagnostics)
    accepted = sum(d.suppression is None and not d.new for d in result.diagnostics)
    hidden = [f"{suppressed} suppressed"] * bool(suppressed) + [f"{accepted} in the baseline"] * bool(accepted)
    tail = f" ({', '.join(hidden)})" if hidden else ""
    lines.append(f"wsklint: {len(result.files)} file{'s' if len(result.files) != 1 else ''} checked, {summary}{tail}")
    return "\n".join(lines) + "\n"


def render_notifications(result: RunResult, verbose: bool = False) -> str:
    """Tool messages for stderr: errors and warnings always, notes with --verbose."""
    out = []
    for n in result.notifications:
        if n.level == "note" and not verbose:
            continue
        where = f"{_rel(n.file, result.root)}:{n.line}: " if n.file and n.line else (
            f"{_rel(n.file, result.root)}: " if n.file and not n.message.startswith(_rel(n.file, result.root)) else "")
        out.append(f"wsklint: {n.level}: {where}{n.message}")
    return "\n".join(out) + ("\n" if out else "")
