"""The per-translation-unit model: plain, picklable data, no libclang objects.

The front end produces one `FileModel` per source file. Everything later (graphs, rules, outputs)
reads only these classes, so a model can be cached on disk and shipped between processes.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from sys import intern
from typing import Iterator

MODEL_VERSION = 6  # bump when the shape of the model changes (invalidates caches)


_SHARED_INTS = 1 << 16
_INTS = tuple(range(_SHARED_INTS))     # line and column numbers, shared like small ints


def _fast_pickle(cls):
    """Pickle a slots dataclass as the tuple of its fields. The generic state functions dataclasses
    give slots classes look the fields up for every object, which made loading a cached model cost a
    fifth of building it. Strings are interned and line numbers shared as they are loaded: the same
    names, types and texts recur in every function and file (a fifth of a driver's models was
    duplicate strings, another tenth separate int objects for line and column numbers)."""
    names = tuple(f.name for f in fields(cls))
    get = attrgetter(*names)
    setter = object.__setattr__

    def __getstate__(self):
        return get(self)

    def __setstate__(self, state):
        for name, value in zip(names, state):
            t = type(value)
            if t is str:
                value = intern(value)
            elif t is int and 256 < value < _SHARED_INTS:
                value = _INTS[value]
            setter(self, name, value)

    cls.__getstate__, cls.__setstate__ = __getstate__, __setstate__
    return cls


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Loc:
    file: str
    line: int
    col: int
    end_line: int = 0
    end_col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@_fast_pickle
@dataclass(slots=True, eq=False)
class Expr:
    """One expression node. `kind` decides what the other fields mean:

    name      name=identifier, ref=local|param|global|function|enum|stub|unknown
    member    name=field, op='->' or '.', ref=struct of the base (normalised), kids=(base,)
    call      name=callee ('' if unknown), op=direct|member|pointer|method|ctor|unknown,
              ref=struct holding the function-pointer member (op=member), or 'api' for a direct call
              to a function the WDK declares (op=direct), kids=(callee, *args)
    const     value (None for floats), text; macro names the macro it came from, if any
    str       text (a string literal)
    unop      op in & * - + ! ~ ++ -- post++ post--, kids=(operand,)
    binop     op (including assignments and the comma operator), kids=(lhs, rhs)
    cast      ref=target type, kids=(operand,)
    cond      kids=(condition, then, else)
    index     kids=(base, index)
    init      kids=(field_init, ...)
    field_init name=designator path ('Field', 'A.B', '[3]'), kids=(value,)
    sizeof    value
    lambda    name=key of the lambda's Function
    other     kids=children we could not classify
    Every node may carry `value` when it folds to an integer constant.
    """
    kind: str
    text: str
    loc: Loc
    type: str = ""
    value: int | None = None
    macro: str = ""
    name: str = ""
    ref: str = ""
    op: str = ""
    kids: tuple = ()

    # -- convenience accessors used by the analyses -------------------------------------------
    @property
    def callee(self) -> Expr | None:
        return self.kids[0] if self.kind == "call" and self.kids else None

    @property
    def args(self) -> tuple:
        return self.kids[1:] if self.kind == "call" else ()

    def walk(self) -> Iterator[Expr]:
        """Pre-order walk over this node and all nested nodes."""
        stack = [self]
        while stack:
            e = stack.pop()
            yield e
            stack.extend(reversed(e.kids))

    def strip(self) -> Expr:
        """The expression without casts (what a value flows through unchanged)."""
        e = self
        while e.kind == "cast" and e.kids:
            e = e.kids[0]
        return e

    def path(self) -> str | None:
        """Canonical access path for lvalue-like expressions (`ctx->Irp`, `&ev`, `*p`), else None."""
        e = self.strip()
        if e.kind == "name":
            return e.name
        if e.kind == "member" and e.kids:
            base = e.kids[0].path()
            return None if base is None else f"{base}{e.op}{e.name}"
        if e.kind == "unop" and e.op in ("&", "*") and e.kids:
            inner = e.kids[0].path()
            if inner is None:
                return None
            if e.op == "*" and inner.startswith("&"):
                return inner[1:]
            if e.op == "&" and inner.startswith("*"):
                return inner[1:]
            return e.op + inner
        if e.kind == "index" and len(e.kids) == 2:
            base = e.kids[0].path()
            idx = e.kids[1].value
            return None if base is None else f"{base}[{'?' if idx is None else idx}]"
        return None

    def root(self) -> str | None:
        """The variable an access path starts from (`ctx` for `ctx->Irp->IoStatus`)."""
        e = self.strip()
        while True:
            if e.kind == "name":
                return e.name
            if e.kind in ("member", "unop", "index", "cast") and e.kids:
                e = e.kids[0].strip()
                continue
            return None

    def calls(self) -> Iterator[Expr]:
        """Calls nested in this expression, innermost first (evaluation order)."""
        for k in self.kids:
            yield from k.calls()
        if self.kind == "call":
            yield self


@_fast_pickle
@dataclass(slots=True, eq=False)
class Event:
    """A step inside a basic block, in evaluation order.

    call    expr=the call
    assign  target=lvalue, expr=value, op='=' or '+=' ... (for `i++`/`--i`: expr=the unop, op='++' ...)
    decl    target=name of the local, expr=initialiser or None
    return  expr=returned value or None
    """
    kind: str
    loc: Loc
    expr: Expr | None = None
    target: Expr | None = None
    op: str = ""


@_fast_pickle
@dataclass(slots=True, eq=False)
class Block:
    id: int
    events: list = field(default_factory=list)
    # successors as (block id, label); labels: '' plain, 'T'/'F' branch on `cond`,
    # 'case:<value>'/'default' for switches, 'exc' for exception edges
    succs: list = field(default_factory=list)
    cond: Expr | None = None
    loc: Loc | None = None


@_fast_pickle
@dataclass(slots=True, eq=False)
class Loop:
    kind: str          # for | while | do | range-for
    loc: Loc
    head: int          # block that evaluates the condition (or the body entry for endless loops)
    body: frozenset    # block ids inside the loop


@_fast_pickle
@dataclass(slots=True, eq=False)
class Var:
    name: str
    type: str
    storage: str       # auto | static | extern | register | param | global
    loc: Loc
    init: Expr | None = None
    is_static: bool = False   # file-scope `static` (internal linkage)
    section: str = ""         # data section from `#pragma data_seg`, e.g. 'PAGEDATA'


@_fast_pickle
@dataclass(slots=True, eq=False)
class Function:
    name: str                  # qualified name for C++ (`Ns::Class::Method`)
    key: str                   # unique within a driver: name, or `file.c:name` for static functions
    file: str
    loc: Loc
    end_line: int
    is_static: bool
    return_type: str
    params: list = field(default_factory=list)      # [Var]
    locals: dict = field(default_factory=dict)      # name -> Var
    annotations: list = field(default_factory=list)  # SAL, e.g. '_IRQL_requires_max_(DISPATCH_LEVEL)'
    role_types: list = field(default_factory=list)   # typedef roles, e.g. 'IO_COMPLETION_ROUTINE'
    section: str = ""          # code section, e.g. 'PAGE'
    section_loc: Loc | None = None
    paged_code: Loc | None = None   # where PAGED_CODE() appears
    blocks: list = field(default_factory=list)      # [Block], index == id
    entry: int = 0
    exit: int = 0
    loops: list = field(default_factory=list)       # [Loop]
    parent: str = ""           # enclosing function key for lambdas

    def events(self) -> Iterator[tuple[Block, Event]]:
        for b in self.blocks:
            for ev in b.events:
                yield b, ev

    def calls(self) -> Iterator[tuple[Block, Event]]:
        for b, ev in self.events():
            if ev.kind == "call":
                yield b, ev

    def param_index(self, name: str) -> int | None:
        for i, p in enumerate(self.params):
            if p.name == name:
                return i
        return None


@_fast_pickle
@dataclass(slots=True, eq=False)
class FuncDecl:
    """A declaration without a body (prototype or role-typed declaration)."""
    name: str
    file: str
    loc: Loc
    role_types: list = field(default_factory=list)
    annotations: list = field(default_factory=list)
    section: str = ""


@_fast_pickle
@dataclass(slots=True, eq=False)
class Note:
    """Something the front end wants the user to know (missing header, skipped construct ...)."""
    code: str       # missing-header | stubbed | parse-error | skipped | dropped-flag | decode | ...
    message: str
    file: str
    line: int = 0
    level: str = "note"   # note | warning | error


@_fast_pickle
@dataclass(slots=True, eq=False)
class FileModel:
    path: str
    language: str                       # c | c++
    functions: list = field(default_factory=list)      # [Function]
    globals: list = field(default_factory=list)        # [Var]
    decls: list = field(default_factory=list)          # [FuncDecl]
    notes: list = field(default_factory=list)          # [Note]
    lines: int = 0
    parse_seconds: float = 0.0
    total_seconds: float = 0.0
    includes: list = field(default_factory=list)       # files the TU read (for cache validation)
    error_lines: list = field(default_factory=list)    # lines of parse errors left after recovery
    used_wdk: bool = False
