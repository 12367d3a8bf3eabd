"""Shared by the IRP rules: turning IRP-flow incidents into findings."""
from __future__ import annotations

import os

from ..model import Loc


def short(loc: Loc | None) -> str:
    return f"{os.path.basename(loc.file)}:{loc.line}" if loc is not None else "?"


def routine_name(program, key: str | None) -> str:
    r = program.irpflow.routine(key) if key else None
    return r.fn.name if r else "its completion routine"


def report_incidents(rule, program, kinds, describe):
    """One finding per incident of `kinds`: describe(incident) -> (message, severity) or None to skip it."""
    seen = set()
    for inc in program.irpflow.incidents(*kinds):
        out = describe(inc)
        if out is None:
            continue
        message, severity = out
        ident = (inc.loc, message)
        if ident in seen:
            continue
        seen.add(ident)
        anchor = f"{inc.kind} {inc.key or ''} {inc.data.get('wsk', '')} {inc.data.get('obj', '')}"
        yield rule.report(inc.loc, message, fn=inc.fn, trace=inc.trace, anchor=anchor, severity=severity)
