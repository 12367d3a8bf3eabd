"""Language Server Protocol diagnostics: the result model as `textDocument/publishDiagnostics` payloads.

Plain JSON-shaped dicts (LSP 3.17), so this renderer needs no LSP library. Positions are 0-based;
columns are UTF-16 code units when the source text is given (the front end's columns are 1-based
bytes), and the fixes a rule offers travel in `data` for the server's code actions.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..result import RunResult

SEVERITY = {"error": 1, "warning": 2, "note": 3}       # Error, Warning, Information
SOURCE = "wsklint"
_WORD = re.compile(rb"[A-Za-z_0-9]+")


def file_uri(path: str) -> str:
    return Path(path).absolute().as_uri()


class _Columns:
    """1-based byte columns -> 0-based UTF-16 characters, per line of the given sources."""

    def __init__(self, sources: dict):
        self.sources = sources
        self.lines: dict = {}

    def line(self, path: str, line: int) -> bytes | None:
        if path not in self.lines:
            text = self.sources.get(path)
            self.lines[path] = None if text is None else text.encode("utf-8").split(b"\n")
        lines = self.lines[path]
        if lines is None or not 0 < line <= len(lines):
            return None
        return lines[line - 1]

    def char(self, path: str, line: int, col: int) -> int:
        raw = self.line(path, line)
        if raw is None:
            return max(0, col - 1)
        prefix = raw[:max(0, col - 1)].decode("utf-8", errors="replace")
        return len(prefix.encode("utf-16-le")) // 2

    def word_end(self, path: str, line: int, col: int) -> int | None:
        raw = self.line(path, line)
        if raw is None:
            return None
        m = _WORD.match(raw, max(0, col - 1))
        return self.char(path, line, m.end() + 1) if m else None


def _range(loc, cols: _Columns) -> dict:
    line = max(0, loc.line - 1)
    start = cols.char(loc.file, loc.line, loc.col)
    if loc.end_line and (loc.end_line, loc.end_col) > (loc.line, loc.col):
        end = {"line": loc.end_line - 1, "character": cols.char(loc.file, loc.end_line, loc.end_col)}
    else:
        # a point: underline the word there (an empty range is shown as a tiny mark at best)
        end = {"line": line, "character": cols.word_end(loc.file, loc.line, loc.col) or start}
    return {"start": {"line": line, "character": start}, "end": end}


def render_diagnostics(result: RunResult, sources: dict | None = None, uri=file_uri) -> dict:
    """{path: [LSP Diagnostic]} for every file of the run (an empty list clears a file's squiggles).

    `sources` maps a path to its current text (for exact columns); `uri(path)` names the documents."""
    cols = _Columns(sources or {})
    docs = {r.code: r.help_uri for r in result.rules}
    out: dict = {f: [] for f in result.files}
    for d in result.diagnostics:
        if d.suppression is not None:
            continue
        related = [{"location": {"uri": uri(s.loc.file), "range": _range(s.loc, cols)}, "message": s.note}
                   for s in list(d.trace) + list(d.related) if s.loc.line]
        diag = {
            "range": _range(d.loc, cols),
            "severity": SEVERITY[d.severity],
            "code": d.code,
            "source": SOURCE,
            "message": d.message,
            "data": {
                "name": d.name,
                "fingerprint": d.fingerprint,
                "fixes": [{"title": f.description,
                           "changes": _changes(f, cols, uri)} for f in d.fixes if f.replacements],
            },
        }
        if docs.get(d.code):
            diag["codeDescription"] = {"href": docs[d.code]}
            diag["data"]["docs"] = docs[d.code]
        if related:
            diag["relatedInformation"] = related
        out.setdefault(d.loc.file, []).append(diag)
    return out


def _changes(fix, cols: _Columns, uri) -> dict:
    """A WorkspaceEdit `changes` map: uri -> [TextEdit]."""
    changes: dict = {}
    for r in fix.replacements:
        loc = r.loc
        start = {"line": loc.line - 1, "character": cols.char(loc.file, loc.line, loc.col)}
        if loc.end_line:
            end = {"line": loc.end_line - 1, "character": cols.char(loc.file, loc.end_line, loc.end_col)}
        else:
            end = start       # an insertion
        changes.setdefault(uri(loc.file), []).append({"range": {"start": start, "end": end}, "newText": r.text})
    return changes
