"""Inline suppressions: `// wsklint: ignore[WSK013] <reason>` and `// wsklint: ignore-file[WSK013] <reason>`.

Read from the source text (not from libclang: a suppression must work in a file the parser could only
partly recover, and comments are not in the model). A comment that follows code on its line applies to
that line; a comment on a line of its own applies to the next line that holds code; the file form
applies to the whole file. Codes or rule names are accepted, comma-separated; there is no blanket form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Loc
from .result import Suppression

_HEAD = re.compile(r"^[/*!\s]*wsklint\s*:\s*(.*)$", re.S)
_FORM = re.compile(r"^(ignore|ignore-file)\s*\[([^\]]*)\]\s*(.*)$", re.S)
_REASON_LEAD = re.compile(r"^[\s:\-\u2013\u2014]+")


@dataclass
class Directive:
    loc: Loc                           # the comment
    target: int | None                 # line it applies to; None = the whole file
    words: list = field(default_factory=list)      # codes or names as written
    reason: str = ""
    text: str = ""                     # the comment body, whitespace-normalised (fingerprint anchor)
    error: str = ""                    # why the comment cannot be read
    used: set = field(default_factory=set)         # rule codes it suppressed something for


def source_text(data: bytes) -> str:
    """Text with line numbers as clang counts them (\\n, \\r\\n and \\r end a line)."""
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _comments(text: str):
    """(start offset, end offset, body) of each comment outside string and character literals, and the
    set of line numbers that hold code."""
    out, code_lines = [], set()
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append((i, j, text[i + 2:j]))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append((i, j, text[i + 2:j - 2] if text.endswith("*/", 0, j) else text[i + 2:j]))
            line += text.count("\n", i, j)
            i = j
        elif c in "\"'":
            code_lines.add(line)
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = min(j + 1, n)
        else:
            if not c.isspace():
                code_lines.add(line)
            i += 1
    return out, code_lines


def parse(text: str, path: str) -> list[Directive]:
    """The `wsklint:` directives of one file (source text as returned by `source_text`)."""
    if "wsklint" not in text:
        return []
    comments, code_lines = _comments(text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    directives = []
    for a, b, body in comments:
        head = _HEAD.match(body)
        if not head:
            continue
        line = _line_of(starts, a)
        end_line = _line_of(starts, max(a, b - 1))
        before = text[starts[line - 1]:a].strip()
        after_end = text.find("\n", b)
        after = text[b:len(text) if after_end < 0 else after_end].strip()
        loc = Loc(path, line, a - starts[line - 1] + 1, end_line, b - starts[end_line - 1] + 1)
        d = Directive(loc=loc, target=None, text=" ".join(body.split()))
        form = _FORM.match(head.group(1).strip())
        if not form:
            d.error = "expected 'ignore[CODES] reason' or 'ignore-file[CODES] reason'"
        else:
            kind, words, reason = form.groups()
            d.words = [w.strip() for w in words.split(",") if w.strip()]
            d.reason = " ".join(_REASON_LEAD.sub("", reason).split())
            if not d.words:
                d.error = "no rule named in the brackets"
            if kind == "ignore":
                if before:
                    d.target = line
                elif after:
                    d.target = end_line
                else:
                    d.target = min((x for x in code_lines if x > end_line), default=0)
        directives.append(d)
    return directives


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


@dataclass
class MetaFinding:
    code: str
    loc: Loc
    message: str
    anchor: str


class Suppressions:
    """Applies the directives of the files findings are in; then reports problems with them.

    `resolve(word)` maps a code or rule name to a rule code (None when it names no rule)."""

    def __init__(self, resolve, read=None):
        self.resolve = resolve
        self.read = read or _read
        self.by_file: dict[str, list[Directive]] = {}

    def directives(self, path: str) -> list[Directive]:
        if path not in self.by_file:
            data = self.read(path)
            self.by_file[path] = parse(source_text(data), path) if data is not None else []
        return self.by_file[path]

    def apply(self, diagnostics) -> None:
        """Mark each finding that a directive names as suppressed (in place)."""
        for d in diagnostics:
            here = self.directives(d.loc.file)
            if not here:
                continue
            lines = [x for x in here if x.target == d.loc.line]
            whole = [x for x in here if x.target is None]
            for x in lines + whole:
                if not x.error and d.code in self._codes(x):
                    x.used.add(d.code)
                    d.suppression = Suppression("inSource", x.reason, x.loc)
                    break

    def problems(self, files, enabled) -> list[MetaFinding]:
        """Meta findings for `files` (the analysed sources): invalid, reason-less and unused directives.
        `enabled(code, path)` says whether a rule ran on the file (only those can be unused)."""
        out = []
        for path in files:
            for x in self.directives(path):
                if x.error:
                    out.append(MetaFinding("WSK902", x.loc, f"wsklint comment not understood: {x.error}", x.text))
                    continue
                for w in x.words:
                    if self.resolve(w) is None:
                        out.append(MetaFinding("WSK902", x.loc, f"'{w}' in a suppression is not a rule code or name",
                                               f"{x.text} {w}"))
                codes = self._codes(x)
                if codes and not x.reason:
                    out.append(MetaFinding("WSK901", x.loc, f"suppression of {', '.join(codes)} gives no reason",
                                           x.text))
                unused = [c for c in codes if c not in x.used and enabled(c, path)]
                if unused:
                    what = "the file" if x.target is None else (f"line {x.target}" if x.target else "no line")
                    out.append(MetaFinding("WSK900", x.loc, f"suppression of {', '.join(unused)} matched no finding "
                                           f"on {what}", f"{x.text} unused {' '.join(unused)}"))
        return out

    def _codes(self, x: Directive) -> list[str]:
        codes = []
        for w in x.words:
            c = self.resolve(w)
            if c and c not in codes:
                codes.append(c)
        return codes


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None
