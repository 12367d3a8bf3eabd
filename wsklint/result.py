"""The one result model every renderer reads (text, json, sarif, github, LSP)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .model import Loc

SEVERITIES = ("error", "warning", "note")


def rel_path(path: str, root: str) -> str:
    """`path` relative to `root` (climbing with `..` if need be); `path` itself on another drive."""
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


def key_path(path: str, root: str) -> str:
    """`rel_path` with forward slashes, so fingerprints, baselines and globs are the same on Windows."""
    return rel_path(path, root).replace(os.sep, "/")


def inside(path: str, root: str) -> str | None:
    """`path` relative to `root` when it lies below it, else None (reports never climb out of the root)."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:
        return None
    return None if rel.startswith("..") else rel


@dataclass(slots=True)
class TraceStep:
    loc: Loc
    note: str


@dataclass(slots=True)
class Replacement:
    loc: Loc            # region to replace (end_line/end_col exclusive); empty region = insertion
    text: str


@dataclass(slots=True)
class Fix:
    description: str
    replacements: list = field(default_factory=list)   # [Replacement]


@dataclass(slots=True)
class Suppression:
    kind: str           # inSource | baseline
    justification: str
    loc: Loc | None = None


@dataclass(slots=True)
class Diagnostic:
    code: str
    name: str
    severity: str
    message: str
    loc: Loc
    function: str = ""                 # enclosing function (for fingerprints and grouping)
    trace: list = field(default_factory=list)      # [TraceStep] the path that proves it
    related: list = field(default_factory=list)    # [TraceStep] other places worth a look
    fixes: list = field(default_factory=list)      # [Fix]
    anchor: str = ""                   # normalised text of the statements involved (fingerprint input)
    fingerprint: str = ""
    suppression: Suppression | None = None
    new: bool = True                   # False when the baseline already holds it


@dataclass(slots=True)
class Notification:
    """A tool message that is not a finding: a skipped file, a missing header, a dropped flag."""
    level: str          # error | warning | note
    message: str
    file: str = ""
    line: int = 0
    code: str = ""


@dataclass(slots=True)
class RuleInfo:
    code: str
    name: str
    category: str
    severity: str
    precision: str
    summary: str
    help: str
    doc: str                           # markdown documentation (from the docstring)
    tags: tuple = ()
    security_severity: str | None = None
    help_uri: str = ""


@dataclass
class RunResult:
    root: str                          # source root; paths in outputs are relative to it
    diagnostics: list = field(default_factory=list)
    notifications: list = field(default_factory=list)
    files: list = field(default_factory=list)
    rules: list = field(default_factory=list)      # [RuleInfo] of the enabled rules
    tool_version: str = ""
    stats: dict = field(default_factory=dict)
    baseline: str | None = None        # the baseline file findings were compared with
    project_root: str = ""             # fingerprints and baselines name files relative to it (default: root)

    def key_path(self, path: str) -> str:
        """How fingerprints and baselines name `path`."""
        return key_path(path, self.project_root or self.root)

    def shown(self) -> list:
        """Findings a user must act on: not suppressed in the source, not accepted in the baseline."""
        return [d for d in self.diagnostics if d.suppression is None and d.new]

    def failing(self, level: str = "note") -> list:
        order = {s: i for i, s in enumerate(SEVERITIES)}
        lim = order[level]
        return [d for d in self.shown() if order[d.severity] <= lim]
