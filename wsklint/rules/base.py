"""What every rule is: metadata, documentation (the docstring), and `check(program)`."""
from __future__ import annotations

import inspect
from typing import ClassVar, Iterator

from ..model import Function, Loc
from ..program import Program, role_text, short  # noqa: F401 (rules import short from here)
from ..result import Diagnostic, Fix, RuleInfo, TraceStep


class Rule:
    """Subclasses set the metadata and implement `check`; the docstring is the rule's documentation."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""            # kebab-case, names the bad pattern
    category: ClassVar[str] = ""        # irp buffers irql callbacks lifecycle sockets security performance api
    severity: ClassVar[str] = "error"
    precision: ClassVar[str] = "high"   # very-high high medium low
    message: ClassVar[str] = ""         # the fact, no advice (str.format template)
    help: ClassVar[str] = ""            # the advice
    tags: ClassVar[tuple] = ()
    security_severity: ClassVar[str | None] = None

    def __init__(self, program: Program | None = None):
        self.program = program

    def check(self, program: Program) -> Iterator[Diagnostic]:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------------------------
    def report(self, loc: Loc, message: str, fn: Function | None = None, trace=(), related=(),
               fixes: list[Fix] | None = None, anchor: str = "", severity: str | None = None) -> Diagnostic:
        return Diagnostic(code=self.code, name=self.name, severity=severity or self.severity, message=message,
                          loc=loc, function=fn.name if fn else "", trace=[TraceStep(s.loc, s.note) for s in trace],
                          related=[TraceStep(s.loc, s.note) for s in related], fixes=list(fixes or ()),
                          anchor=anchor)

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def info(cls, docs_url: str = "") -> RuleInfo:
        doc = cls.doc()
        summary = doc.splitlines()[0].strip() if doc else cls.name
        uri = f"{docs_url.rstrip('/')}/{cls.code}.md" if docs_url else ""
        return RuleInfo(code=cls.code, name=cls.name, category=cls.category, severity=cls.severity,
                        precision=cls.precision, summary=summary, help=cls.help, doc=doc, tags=tuple(cls.tags),
                        security_severity=cls.security_severity, help_uri=uri)


def step(loc: Loc, note: str) -> TraceStep:
    return TraceStep(loc, note)


def role_step(role, fn: Function) -> TraceStep:
    """The trace step that says why `fn` has `role`: where it was registered."""
    return TraceStep(role.loc, f"{fn.name} is {role_text(role.kind)} ({role.via})")
