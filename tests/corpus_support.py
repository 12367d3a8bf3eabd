"""Reading corpus annotations (with a regular expression, never with the code under test) and
comparing them with findings."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCE_SUFFIXES = (".c", ".cpp", ".cc", ".cxx")

_COMMENT = re.compile(r"//\s*(expect\S*)(.*)$")
_HEAD = re.compile(r"^expect(-missing|-spurious)?:$")
_ITEM = re.compile(r'^\s*(WSK\d{3})(?:\s+"([^"]*)")?\s*$')


class AnnotationError(Exception):
    pass


@dataclass(frozen=True)
class Expectation:
    kind: str        # expect | missing | spurious
    code: str
    file: str
    line: int
    text: str | None


def parse_annotations(path: Path) -> list[Expectation]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    out: list[Expectation] = []
    pending: list[tuple[str, str, str | None, int]] = []
    for no, raw in enumerate(lines, 1):
        m = _COMMENT.search(raw)
        items = []
        if m:
            head, rest = m.group(1), m.group(2)
            hm = _HEAD.match(head)
            if not hm:
                raise AnnotationError(f"{path.name}:{no}: malformed annotation '{head}' (expected 'expect:', "
                                      "'expect-missing:' or 'expect-spurious:')")
            kind = {None: "expect", "-missing": "missing", "-spurious": "spurious"}[hm.group(1)]
            body = rest
            if kind != "expect":
                if "--" not in rest or not rest.split("--", 1)[1].strip():
                    raise AnnotationError(f"{path.name}:{no}: {head} needs a reason after '--'")
                body = rest.split("--", 1)[0]
            parts = [p for p in _split_items(body)]
            if not parts:
                raise AnnotationError(f"{path.name}:{no}: {head} names no rule")
            for p in parts:
                im = _ITEM.match(p)
                if not im:
                    raise AnnotationError(f"{path.name}:{no}: malformed item '{p.strip()}' (expected WSKnnn or "
                                          'WSKnnn "message text")')
                items.append((kind, im.group(1), im.group(2)))
        code_part = raw[:m.start()] if m else raw
        standalone = m is not None and not code_part.strip()
        if standalone:
            pending += [(k, c, t, no) for k, c, t in items]
            continue
        if not raw.strip():
            continue
        for k, c, t, _ in pending:
            out.append(Expectation(k, c, str(path), no, t))
        pending = []
        for k, c, t in items:
            out.append(Expectation(k, c, str(path), no, t))
    if pending:
        raise AnnotationError(f"{path.name}:{pending[0][3]}: annotation on a line of its own with no code after it")
    return out


def _split_items(body: str):
    items, cur, quoted = [], "", False
    for ch in body:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        items.append(cur)
    return [i for i in items if i.strip()]


def case_files(case: Path) -> list[Path]:
    if case.is_dir():
        return sorted(p for p in case.rglob("*") if p.suffix in SOURCE_SUFFIXES)
    return [case]


def all_cases() -> list[Path]:
    cases = []
    for d in sorted(CORPUS.iterdir()):
        if not d.is_dir():
            continue
        for c in sorted(d.iterdir()):
            if c.is_dir() or c.suffix in SOURCE_SUFFIXES:
                cases.append(c)
    return cases


def compare(expectations: list[Expectation], diagnostics) -> list[str]:
    """Line-exact differences between annotations and findings (empty when they agree)."""
    problems = []
    remaining = list(diagnostics)

    def take(e: Expectation):
        for d in remaining:
            if d.code == e.code and d.loc.file == e.file and d.loc.line == e.line and \
                    (e.text is None or e.text in d.message):
                remaining.remove(d)
                return d
        return None

    for e in expectations:
        name = Path(e.file).name
        d = take(e)
        if e.kind == "expect" and d is None:
            problems.append(f"missing {e.code} at {name}:{e.line}" + (f' (message containing "{e.text}")'
                                                                        if e.text else ""))
        elif e.kind == "spurious" and d is None:
            problems.append(f"expect-spurious {e.code} at {name}:{e.line} no longer reported: delete the annotation")
        elif e.kind == "missing" and d is not None:
            problems.append(f"expect-missing {e.code} at {name}:{e.line} is now found: promote it to expect")
    for d in remaining:
        problems.append(f"unexpected {d.code} at {Path(d.loc.file).name}:{d.loc.line}: {d.message}")
    return problems
