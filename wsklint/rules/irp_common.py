"""Shared by the IRP rules: turning IRP-flow incidents into findings."""
from __future__ import annotations

from ..knowledge import irp as K
from ..program import function_ref


def routine_name(program, key: str | None) -> str:
    r = program.irpflow.routine(key) if key else None
    return r.fn.name if r else "its completion routine"


def report_incidents(rule, program, kinds, describe):
    """One finding per incident of `kinds`: describe(incident) -> (message, severity) or None to skip it.
    (Incidents that repeat a place and message are dropped with the engine's other duplicates.)"""
    for inc in program.irpflow.incidents(*kinds):
        out = describe(inc)
        if out is None:
            continue
        message, severity = out
        anchor = f"{inc.kind} {inc.key or ''} {inc.data.get('wsk', '')} {inc.data.get('obj', '')}"
        yield rule.report(inc.loc, message, fn=inc.fn, trace=inc.trace, anchor=anchor, severity=severity)


def handle_close_handlers(program) -> list:
    """[(Function, description, registration loc)] for the routines that run when a process closes its
    handle: IRP_MJ_CLEANUP / IRP_MJ_CLOSE dispatch routines (`MajorFunction[IRP_MJ_CLEANUP] = X`) and the
    KMDF EvtFileCleanup / EvtFileClose callbacks."""
    out: dict = {}

    def add(name, file, what, loc):
        fn = program.resolve(name, file) if name else None
        if fn is not None and fn.blocks:
            out.setdefault(fn.key, (fn, what, loc))

    for fn, role in program.functions_with_role("dispatch"):
        where = program.function_at(role.loc)
        ev = next((e for _, e in where.events() if e.kind == "assign" and e.loc == role.loc), None) if where else None
        t = ev.target.strip() if ev is not None and ev.target is not None else None
        if t is not None and t.kind == "index" and len(t.kids) == 2:
            major = K.HANDLE_CLOSE_MAJORS.get(t.kids[1].strip().value)
            if major:
                add(fn.name, fn.file, f"the {major} handler", role.loc)
    for fn in program.functions.values():
        for rt in fn.role_types:
            if rt in K.WDF_FILE_CALLBACKS:
                add(fn.name, fn.file, f"the {K.WDF_FILE_CALLBACKS[rt]} callback", fn.loc)
        for _, ev in fn.events():
            if ev.kind == "call" and ev.expr.name in K.WDF_FILE_CONFIG_INIT:
                for i, field in K.WDF_FILE_CONFIG_INIT[ev.expr.name].items():
                    if i < len(ev.expr.args):
                        add(function_ref(ev.expr.args[i]), fn.file, f"the {field} callback", ev.loc)
            elif ev.kind == "assign" and ev.target is not None and ev.target.strip().kind == "member" \
                    and ev.target.strip().name in K.WDF_FILE_CALLBACKS.values():
                add(function_ref(ev.expr), fn.file, f"the {ev.target.strip().name} callback", ev.loc)
    return list(out.values())
