"""Plain JSON: the result model as it is, paths relative to the source root."""
from __future__ import annotations

import json
import os

from ..result import RunResult, inside


def _loc(loc, root):
    return {"file": _rel(loc.file, root), "line": loc.line, "column": loc.col,
            "end_line": loc.end_line, "end_column": loc.end_col}


def _rel(path, root):
    return inside(path, root) or os.path.basename(path)


def to_dict(result: RunResult) -> dict:
    root = result.root
    return {
        "version": result.tool_version,
        "files": [_rel(f, root) for f in result.files],
        "baseline": result.baseline,
        "diagnostics": [{
            "code": d.code, "name": d.name, "severity": d.severity, "message": d.message,
            "location": _loc(d.loc, root), "function": d.function, "fingerprint": d.fingerprint,
            "trace": [{"location": _loc(s.loc, root), "note": s.note} for s in d.trace],
            "related": [{"location": _loc(s.loc, root), "note": s.note} for s in d.related],
            "fixes": [{"description": f.description,
                       "replacements": [{"location": _loc(r.loc, root), "text": r.text} for r in f.replacements]}
                      for f in d.fixes],
            "suppressed": None if d.suppression is None else {
                "kind": d.suppression.kind, "justification": d.suppression.justification,
                "location": _loc(d.suppression.loc, root) if d.suppression.loc else None},
            "new": d.new,
        } for d in result.diagnostics],
        "notifications": [{"level": n.level, "message": n.message, "file": _rel(n.file, root) if n.file else "",
                           "line": n.line, "code": n.code} for n in result.notifications],
        "stats": result.stats,
    }


def render(result: RunResult) -> str:
    return json.dumps(to_dict(result), indent=2)
