"""GitHub Actions workflow commands (`::error file=...,line=...::message`)."""
from __future__ import annotations

import os

from ..result import RunResult

_CMD = {"error": "error", "warning": "warning", "note": "notice"}


def _esc_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for d in result.shown():
        rel = os.path.relpath(d.loc.file, result.root)
        props = f"file={_esc_prop(rel)},line={d.loc.line},col={d.loc.col}"
        if d.loc.end_line:
            props += f",endLine={d.loc.end_line}"
        props += f",title={_esc_prop(d.code + ' ' + d.name)}"
        msg = d.message
        if d.trace:
            msg += "\n" + "\n".join(f"  {os.path.relpath(s.loc.file, result.root)}:{s.loc.line}: {s.note}"
                                    for s in d.trace)
        lines.append(f"::{_CMD[d.severity]} {props}::{_esc_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")
