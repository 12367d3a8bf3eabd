"""Source text by location, for mechanical fixes (which copy and edit the user's own statements)."""
from __future__ import annotations

from functools import lru_cache

from ..model import Loc


@lru_cache(maxsize=64)
def _lines(path: str) -> tuple:
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            return tuple(f.read().splitlines(keepends=True))
    except OSError:
        return ()


def line(path: str, n: int) -> str:
    ls = _lines(path)
    return ls[n - 1] if 0 < n <= len(ls) else ""


def indent(path: str, n: int) -> str:
    text = line(path, n)
    return text[:len(text) - len(text.lstrip(" \t"))]


def text(loc: Loc) -> str | None:
    """The source between `loc` and its end (columns are 1-based, the end exclusive), or None."""
    if not loc.end_line:
        return None
    ls = _lines(loc.file)
    if not (0 < loc.line <= loc.end_line <= len(ls)):
        return None
    if loc.line == loc.end_line:
        return ls[loc.line - 1][loc.col - 1:loc.end_col - 1]
    parts = [ls[loc.line - 1][loc.col - 1:]]
    parts.extend(ls[loc.line:loc.end_line - 1])
    parts.append(ls[loc.end_line - 1][:loc.end_col - 1])
    return "".join(parts)


def splice(loc: Loc, edits: list[tuple[Loc, str]]) -> str | None:
    """The text of `loc` with the regions of `edits` (all inside it) replaced."""
    whole = text(loc)
    if whole is None:
        return None
    ls = _lines(loc.file)

    def offset(line_no, col):
        if line_no == loc.line:
            return col - loc.col
        return len(ls[loc.line - 1]) - (loc.col - 1) + sum(len(ls[i]) for i in range(loc.line, line_no - 1)) + col - 1

    out = whole
    for eloc, new in sorted(edits, key=lambda e: (e[0].line, e[0].col), reverse=True):
        if not eloc.end_line:
            return None
        a, b = offset(eloc.line, eloc.col), offset(eloc.end_line, eloc.end_col)
        if not (0 <= a <= b <= len(out)):
            return None
        out = out[:a] + new + out[b:]
    return out
