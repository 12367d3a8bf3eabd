"""libclang translation unit -> FileModel (functions with CFGs of events, globals, declarations).

Only the main file's function bodies and file-level declarations are walked (walking cursors in
Python costs several times the parse); project headers are scanned for declarations only.
"""
from __future__ import annotations

import bisect
import os
import re

import clang.cindex as ci

from ..model import Block, Event, Expr, FileModel, FuncDecl, Function, Loc, Loop, Var
from . import clangapi

K = ci.CursorKind
T = ci.TypeKind

_FUNC_KINDS = {K.FUNCTION_DECL, K.CXX_METHOD, K.CONSTRUCTOR, K.DESTRUCTOR, K.FUNCTION_TEMPLATE,
               K.CONVERSION_FUNCTION}
_SCOPE_KINDS = {K.NAMESPACE, K.CLASS_DECL, K.STRUCT_DECL, K.UNION_DECL, K.CLASS_TEMPLATE,
                K.LINKAGE_SPEC, K.UNEXPOSED_DECL, K.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION}
_QUAL_KINDS = {K.NAMESPACE, K.CLASS_DECL, K.STRUCT_DECL, K.UNION_DECL, K.CLASS_TEMPLATE,
               K.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION}
_LITERALS = {K.INTEGER_LITERAL, K.CHARACTER_LITERAL, K.CXX_BOOL_LITERAL_EXPR, K.CXX_NULL_PTR_LITERAL_EXPR}
_CASTS = {K.CSTYLE_CAST_EXPR, K.CXX_STATIC_CAST_EXPR, K.CXX_REINTERPRET_CAST_EXPR, K.CXX_CONST_CAST_EXPR,
          K.CXX_FUNCTIONAL_CAST_EXPR, K.CXX_DYNAMIC_CAST_EXPR}
_FOLDABLE = {"const", "unop", "binop", "cast", "cond", "sizeof"}
# nodes whose text or names come from the tokens; inside macro arguments we look up where they are spelled
_TOKEN_KINDS = {K.MEMBER_REF_EXPR, K.UNEXPOSED_EXPR, K.CALL_EXPR, K.DECL_REF_EXPR}
_ASSIGN_OPS = {"=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|="}
_SAL_RE = re.compile(r"^(_IRQL_\w+|__drv_\w*IRQL\w*|__drv_\w*FunctionIRQL|_Function_class_|__drv_functionClass"
                     r"|_Dispatch_type_|__drv_dispatchType)$")


def norm_type(spelling: str) -> str:
    """`const struct _WSK_PROVIDER_BASIC_DISPATCH *` -> `WSK_PROVIDER_BASIC_DISPATCH`."""
    s = spelling
    for w in ("const ", "volatile ", "struct ", "union ", "class ", "enum "):
        s = s.replace(w, "")
    s = s.replace("*", "").replace("&", "").strip()
    return s.lstrip("_")


_C_KEYWORDS = frozenset("""auto break case char const continue default do double else enum extern float for goto if
inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void
volatile while _Bool _Complex _Static_assert _Alignof _Alignas bool class delete false friend mutable namespace
new nullptr operator private protected public template this throw true try catch typename using virtual
static_cast reinterpret_cast const_cast dynamic_cast decltype constexpr noexcept alignof static_assert
__try __except __finally __leave __declspec __int64 __int32 __int16 __int8 __forceinline __inline __cdecl
__stdcall __fastcall __attribute __attribute__ __asm __asm__ __pragma _Pragma __typeof__ typeof""".split())
_TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<str>(?:u8|[uUL])?"(?:\\.|[^"\\\n])*"?|(?:u8|[uUL])?'(?:\\.|[^'\\\n])*'?)
  | (?P<num>\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*)
  | (?P<ident>[A-Za-z_$][0-9A-Za-z_$]*)
  | (?P<punct>->\*?|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||::|\#\#|\.\.\.|[-+*/%&|^!~<>=]=?|[][(){};,.?:\#\\@`])
  | (?P<other>.)
""", re.S | re.X | re.ASCII)
IDENT, KEYWORD, OTHER = "ident", "keyword", "other"


class Tokens:
    """The main file's tokens, from a small lexer over its bytes (offsets are byte offsets, as
    libclang's), sliced by offset. Much cheaper than libclang's tokenizer through the bindings."""

    def __init__(self, data: bytes, skipped: list[tuple[int, int]]):
        line_starts = [0]
        pos = data.find(b"\n")
        while pos != -1:
            line_starts.append(pos + 1)
            pos = data.find(b"\n", pos + 1)
        if data.startswith(b"\xef\xbb\xbf"):
            data = b"   " + data[3:]
        # Lex the text as Latin-1 (one character per byte, so offsets stay byte offsets); the rare
        # token with other bytes is decoded as UTF-8.
        starts, ends, spell, kinds, lines, cols = [], [], [], [], [], []
        line, nxt = 0, line_starts[1] if len(line_starts) > 1 else len(data) + 1
        last = len(line_starts) - 1
        for m in _TOKEN_RE.finditer(data.decode("latin-1")):
            kind = m.lastgroup
            if kind == "ws" or kind == "comment":
                continue
            a, b = m.span()
            while nxt <= a:
                line += 1
                nxt = line_starts[line + 1] if line < last else len(data) + 1
            text = m.group()
            if not text.isascii():
                text = text.encode("latin-1").decode("utf-8", errors="replace")
            starts.append(a)
            ends.append(b)
            spell.append(text)
            kinds.append(OTHER if kind != "ident" else KEYWORD if text in _C_KEYWORDS else IDENT)
            lines.append(line + 1)
            cols.append(a - line_starts[line] + 1)
        self.starts, self.ends, self.spell, self.kinds, self.lines, self.cols = starts, ends, spell, kinds, lines, cols
        self.skipped = skipped
        self.line_starts = line_starts

    def range(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return i, j

    def text(self, start: int, end: int) -> str:
        i, j = self.range(start, end)
        out = []
        for k in range(i, j):
            if out and self.starts[k] > self.ends[k - 1]:
                out.append(" ")
            out.append(self.spell[k])
        return "".join(out)

    def active(self, line: int) -> bool:
        return not any(a <= line <= b for a, b in self.skipped)


class Converter:
    def __init__(self, tu, path: str, source: bytes, project_filter, stub_file: str, lang: str):
        self.tu = tu
        self.path = path
        self.lang = lang
        self.stub_file = stub_file
        self.project_filter = project_filter
        self.model = FileModel(path=path, language=lang, lines=source.count(b"\n") + 1)
        self.toks = Tokens(source, clangapi.skipped_ranges(tu))
        self.functions: list[Function] = []
        self.keys: set[str] = set()
        self._qual_cache: dict = {}
        self.sections = self._scan_pragmas()
        self.bound: tuple | None = None     # span of the statement being converted
        self.main_handle = clangapi.file_handle(tu.get_file(path))
        # file offsets straight from raw locations; not with lone CRs, which clang counts as line breaks
        lone_cr = b"\r" in source and source.count(b"\r") != source.count(b"\r\n")
        self.base = None if lone_cr else clangapi.raw_base(tu, tu.get_file(path), len(source))
        self.size = len(source)

    # -- locations and text ---------------------------------------------------------------------
    def span(self, c):
        """(start offset, end offset, Loc) in the main file, or (None, None, Loc) elsewhere."""
        if self.base is not None:
            a, b = clangapi.raw_extent(c)
            off, eoff = a - self.base, b - self.base
            if 0 <= off <= self.size and 0 <= eoff <= self.size:
                ls = self.toks.line_starts
                line = bisect.bisect_right(ls, off)
                eline = bisect.bisect_right(ls, eoff)
                return off, eoff, Loc(self.path, line, off - ls[line - 1] + 1, eline, eoff - ls[eline - 1] + 1)
        f, line, col, off, _, eline, ecol, eoff = clangapi.extent(c)
        if f != self.main_handle:
            return None, None, Loc(self.path, 0, col)
        return off, eoff, Loc(self.path, line, col, eline, ecol)

    def arg_span(self, c, parent_span):
        """For a node inside a macro argument: its span where the argument is spelled, if that lies
        inside the statement being converted (tokens of the macro's body never do)."""
        b = self.bound
        if b is None:
            return None
        ext = c.extent
        f1, l1, c1, o1 = clangapi.spelling(ext.start)
        if f1 != self.main_handle or not (b[0] <= o1 < b[1]):
            return None
        f2, _, _, o2 = clangapi.spelling(ext.end)
        if f2 != self.main_handle or not (o1 < o2 <= b[1]) or (o1, o2) == parent_span:
            return None
        return o1, o2, Loc(self.path, l1, c1)

    # -- top level --------------------------------------------------------------------------------
    def run(self) -> FileModel:
        kinds: dict = {self.main_handle: "main"}   # file handle -> main | project | system
        kids = clangapi.children(self.tu.cursor)
        i = 0
        while i < len(kids):
            c = kids[i]
            h = clangapi.location_file(c)
            i += 1
            if h is None:
                continue
            k = kinds.get(h)
            if k is None:
                f = c.location.file
                k = kinds[h] = "project" if f is not None and self.project_filter(f.name) else "system"
            if k == "main":
                self._top(c, main=True)
            elif k == "project":
                self._top(c, main=False)
            else:
                i = _end_of_run(kids, i, h)
        self._merge_decls()
        self.model.functions = self.functions
        return self.model

    def _top(self, c, main: bool):
        kind = c.kind
        if kind in _FUNC_KINDS:
            body = next((ch for ch in clangapi.children(c) if ch.kind == K.COMPOUND_STMT), None)
            if body is not None and main:
                self._function(c, body)
            else:   # a prototype, or an inline function of a project header: keep its SAL and roles
                self._decl(c)
        elif kind == K.VAR_DECL and main:
            self._global(c)
        elif kind in _SCOPE_KINDS:
            for ch in clangapi.children(c):
                f = ch.location.file
                if f is not None and (f.name == self.path) == main:
                    self._top(ch, main)

    def _qualname(self, c) -> str:
        parts = [c.spelling]
        p = c.semantic_parent
        while p is not None and p.kind in _QUAL_KINDS:
            parts.append(p.spelling or "(anonymous)")
            p = p.semantic_parent
        return "::".join(reversed(parts))

    def _annotations(self, c, name_off: int | None) -> tuple[list[str], list[str]]:
        """SAL annotations and role typedefs of a function declaration."""
        ann, roles = [], []
        for ch in clangapi.children(c):
            if ch.kind == K.ANNOTATE_ATTR and ch.spelling.startswith("wsklint:"):
                ann.append(ch.spelling[8:].replace(" ", ""))
            elif ch.kind == K.PARM_DECL:   # `_In_ _IRQL_restores_ KIRQL Irql`
                ann += [a.spelling[8:].replace(" ", "") for a in ch.get_children()
                        if a.kind == K.ANNOTATE_ATTR and a.spelling.startswith("wsklint:_IRQL_")]
        t = c.type
        if t.kind in (T.TYPEDEF, T.ELABORATED):
            roles.append(t.spelling.split("::")[-1])
            td = t.get_declaration()
            for ch in clangapi.children(td):
                if ch.kind == K.ANNOTATE_ATTR and ch.spelling.startswith("wsklint:"):
                    ann.append(ch.spelling[8:].replace(" ", ""))
        # Token fallback: a real WDK defines the SAL macros away, but the tokens keep them.
        start, _, _ = self.span(c)
        if start is not None and name_off is not None:
            ann += self._sal_from_tokens(start, name_off)
        for a in ann:
            if a.startswith(("_Function_class_(", "__drv_functionClass(")):
                roles.append(a[a.index("(") + 1:-1])
        return _dedupe(ann), _dedupe(roles)

    def _sal_from_tokens(self, start: int, end: int) -> list[str]:
        tk = self.toks
        i, j = tk.range(start, end)
        out = []
        k = i
        while k < j:
            sp = tk.spell[k]
            if _SAL_RE.match(sp):
                if k + 1 < j and tk.spell[k + 1] == "(":
                    depth, m = 0, k + 1
                    while m < j:
                        if tk.spell[m] == "(":
                            depth += 1
                        elif tk.spell[m] == ")":
                            depth -= 1
                            if depth == 0:
                                break
                        m += 1
                    out.append(sp + "(" + "".join(tk.spell[k + 2:m]) + ")")
                    k = m
                else:
                    out.append(sp)
            k += 1
        return out

    def _section_of(self, name: str, line: int, start: int | None, name_off: int | None) -> str:
        if name in self.sections["alloc_text"]:
            return self.sections["alloc_text"][name]
        if start is not None and name_off is not None:
            tk = self.toks
            i, j = tk.range(start, name_off)
            for k in range(i, j - 2):
                if tk.spell[k] in ("code_seg", "alloc_text") and tk.spell[k + 1] == "(":
                    return tk.spell[k + 2].strip('"')
        seg = ""
        for ln, s in self.sections["code_seg"]:
            if ln < line:
                seg = s
        return seg

    def _decl(self, c):
        f = c.location.file
        main = f is not None and f.name == self.path
        name_off = c.location.offset if main else None
        ann, roles = self._annotations(c, name_off)
        loc = Loc(f.name if f else self.path, c.location.line, c.location.column)
        sec = self._section_of(c.spelling, c.location.line, None, None) if main else ""
        self.model.decls.append(FuncDecl(self._qualname(c), loc.file, loc, roles, ann, sec))

    def _global(self, c):
        start, end, loc = self.span(c)
        init = None
        for ch in clangapi.children(c):
            if ch.kind.is_expression():
                init = self.expr(ch, (start, end))
        if init is None and self._stubbed_role_type(c):
            # `EVT_WDF_DRIVER_UNLOAD EvtUnload;` whose typedef came from a missing header: the
            # synthesised `typedef int` made it a variable, but it declares a function's role
            self.model.decls.append(FuncDecl(c.spelling, self.path, loc, [c.type.spelling], [], ""))
            return
        storage = "extern" if c.storage_class == ci.StorageClass.EXTERN else "global"
        v = Var(c.spelling, c.type.spelling, storage, loc, init,
                is_static=c.storage_class == ci.StorageClass.STATIC)
        for ln, s in self.sections["data_seg"]:
            if ln < loc.line:
                v.section = s
        self.model.globals.append(v)

    def _stubbed_role_type(self, c) -> bool:
        t = c.type
        if t.kind not in (T.TYPEDEF, T.ELABORATED):
            return False
        d = t.get_declaration()
        f = d.location.file if d is not None else None
        return f is not None and f.name == self.stub_file and t.spelling.isupper()

    def _merge_decls(self):
        by_name: dict[str, list[FuncDecl]] = {}
        for d in self.model.decls:
            by_name.setdefault(d.name, []).append(d)
        for fn in self.functions:
            for d in by_name.get(fn.name, ()):
                fn.role_types = _dedupe(fn.role_types + d.role_types)
                fn.annotations = _dedupe(fn.annotations + d.annotations)
                if not fn.section and d.section:
                    fn.section = d.section

    def _scan_pragmas(self) -> dict:
        tk = self.toks
        out = {"alloc_text": {}, "code_seg": [], "data_seg": []}
        n = len(tk.spell)
        for i in range(n - 3):
            if tk.spell[i] != "#" or tk.spell[i + 1] != "pragma" or not tk.active(tk.lines[i]):
                continue
            what = tk.spell[i + 2]
            if what not in ("alloc_text", "code_seg", "data_seg", "const_seg") or tk.spell[i + 3] != "(":
                continue
            j, args = i + 4, []
            while j < n and tk.spell[j] != ")" and tk.lines[j] == tk.lines[i]:
                if tk.spell[j] != ",":
                    args.append(tk.spell[j].strip('"'))
                j += 1
            if what == "alloc_text" and args:
                for name in args[1:]:
                    out["alloc_text"][name] = args[0]
            elif what in ("code_seg", "data_seg", "const_seg"):
                strs = [a for a in args if a not in ("push", "pop") and not a.startswith(".")]
                key = "code_seg" if what == "code_seg" else "data_seg"
                out[key].append((tk.lines[i], strs[0] if strs else ""))
        return out

    # -- functions ----------------------------------------------------------------------------------
    def _function(self, c, body):
        start, end, loc = self.span(c)
        name = self._qualname(c)
        is_static = c.storage_class == ci.StorageClass.STATIC
        key = f"{self.path}::{name}" if is_static else name
        if key in self.keys:
            key = f"{key}@{loc.line}"
        self.keys.add(key)
        name_off = c.location.offset
        ann, roles = self._annotations(c, name_off)
        section = self._section_of(c.spelling, loc.line, start, name_off)
        fn = Function(name=name, key=key, file=self.path, loc=Loc(self.path, c.location.line, c.location.column),
                      end_line=loc.end_line, is_static=is_static, return_type=c.result_type.spelling,
                      annotations=ann, role_types=roles, section=section,
                      section_loc=loc if section else None)
        for ch in clangapi.children(c):
            if ch.kind == K.PARM_DECL:
                _, _, ploc = self.span(ch)
                fn.params.append(Var(ch.spelling, ch.type.spelling, "param", ploc))
        bstart, bend, _ = self.span(body)
        fn.paged_code = self._find_token(bstart, bend, "PAGED_CODE")
        FuncBuilder(self, fn).build(body)
        self.functions.append(fn)

    def _find_token(self, start, end, word) -> Loc | None:
        if start is None:
            return None
        tk = self.toks
        i, j = tk.range(start, end)
        for k in range(i, j):
            if tk.spell[k] == word:
                return Loc(self.path, tk.lines[k], tk.cols[k])
        return None

    def lambda_function(self, c, outer: Function, loc: Loc | None = None) -> Function:
        seen = self.__dict__.setdefault("_lambdas", {})
        if c.hash in seen:   # the same lambda reached twice (macro expansions, implicit conversions)
            return seen[c.hash]
        if loc is None:
            loc = self.span(c)[2]
        key = f"{outer.key}::lambda@{loc.line}:{loc.col}"
        taken = {f.key for f in self.functions}
        n = 1
        while key in taken:   # lambdas in one macro argument share a location
            n += 1
            key = f"{outer.key}::lambda@{loc.line}:{loc.col}#{n}"
        fn = Function(name=f"{outer.name}::<lambda@{loc.line}>", key=key, file=self.path, loc=loc,
                      end_line=loc.end_line, is_static=True, return_type="", parent=outer.key)
        body = None
        for ch in clangapi.children(c):
            if ch.kind == K.PARM_DECL:
                _, _, ploc = self.span(ch)
                fn.params.append(Var(ch.spelling, ch.type.spelling, "param", ploc))
            elif ch.kind == K.COMPOUND_STMT:
                body = ch
        if body is not None:
            FuncBuilder(self, fn).build(body)
        self.functions.append(fn)
        seen[c.hash] = fn
        return fn

    # -- expressions --------------------------------------------------------------------------------
    def expr(self, c, parent_span, fb: FuncBuilder | None = None) -> Expr:
        kind = c.kind
        start, end, loc = self.span(c)
        own = start is not None and end > start and (start, end) != parent_span
        if not own and start is not None and self.bound is not None and kind in _TOKEN_KINDS and \
                (kind == K.MEMBER_REF_EXPR or kind == K.CALL_EXPR or not c.spelling):
            alt = self.arg_span(c, parent_span)
            if alt is not None:
                start, end, loc = alt
                own = True
        sp = (start, end) if start is not None else parent_span

        if kind in (K.UNEXPOSED_EXPR, K.PAREN_EXPR):
            kids = [ch for ch in clangapi.children(c) if ch.kind.is_expression() or ch.kind == K.INIT_LIST_EXPR]
            if len(kids) == 1:
                # wrappers pass their parent's span on, so a child with the same extent keeps its text
                inner = self.expr(kids[0], parent_span, fb)
                if own and inner.kind != "member":
                    # recovery member access `ctx->Field` on an undeclared type keeps only `ctx`
                    tail = self._member_tail(start, end)
                    if tail and not inner.text.endswith(tail[1]):
                        op, field = tail
                        return Expr("member", self.toks.text(start, end), loc, "", name=field, op=op,
                                    kids=(inner,))
                if own and kind == K.PAREN_EXPR and inner.kind in _FOLDABLE | {"const"}:
                    macro = self._macro(start, end)
                    if macro:
                        inner.text = self.toks.text(start, end)
                        inner.macro = macro
                return inner
            return self._other(c, kids, own, start, end, loc, sp, fb)

        if kind == K.DECL_REF_EXPR or kind == K.OVERLOADED_DECL_REF:
            name = c.spelling
            if kind == K.OVERLOADED_DECL_REF:
                return Expr("name", name, loc, name=name, ref="function")
            if not name:   # C++ recovery: `DECL_REF_EXPR ''` over `OVERLOADED_DECL_REF 'WskRegister'`
                sub = next(iter(clangapi.children(c)), None)
                if sub is not None and sub.kind == K.OVERLOADED_DECL_REF:
                    return Expr("name", sub.spelling, loc, name=sub.spelling, ref="function")
                name = self._last_ident(start, end) if own else ""
            ref, value = self._ref_kind(c, fb)
            return Expr("name", name, loc, c.type.spelling if ref != "function" else "", value=value, name=name,
                        ref=ref)

        if kind == K.MEMBER_REF_EXPR:
            kids = [ch for ch in clangapi.children(c) if ch.kind.is_expression()]
            base = self.expr(kids[0], sp, fb) if kids else Expr("name", "this", loc, name="this", ref="param")
            name = c.spelling or (self._last_ident(start, end) if own else "")
            arrow = self._arrow(start, end) if own else None
            if arrow is None:
                # no tokens (inside a macro): ask the type; unknown (recovery) types are most often pointers
                bt = kids[0].type.get_canonical().kind if kids else T.POINTER
                arrow = bt not in (T.RECORD, T.ELABORATED) and not (bt == T.INT and "dependent" not in base.type
                                                                      and base.type == "int")
            op = "->" if arrow else "."
            ref = ""
            r = c.referenced
            if r is not None and r.kind == K.FIELD_DECL:
                ref = norm_type(r.semantic_parent.spelling or "")
            text = self.toks.text(start, end) if own else f"{base.text}{op}{name}"
            return Expr("member", text, loc, c.type.spelling, name=name, op=op, ref=ref, kids=(base,))

        if kind == K.CALL_EXPR:
            return self._call(c, own, start, end, loc, sp, fb)

        if kind in _LITERALS:
            v = clangapi.evaluate_int(c) if kind != K.CXX_NULL_PTR_LITERAL_EXPR else 0
            text = self.toks.text(start, end) if own else (str(v) if v is not None else "?")
            return Expr("const", text, loc, value=v, macro=self._macro(start, end) if own else "")
        if kind == K.FLOATING_LITERAL:
            return Expr("const", self.toks.text(start, end) if own else "?", loc)
        if kind == K.STRING_LITERAL:
            return Expr("str", self.toks.text(start, end) if own else c.spelling, loc)

        if kind == K.UNARY_OPERATOR:
            kids = [ch for ch in clangapi.children(c)]
            inner = self.expr(kids[0], sp, fb) if kids else None
            op = clangapi.unop(c)
            k = (inner,) if inner else ()
            text = self.toks.text(start, end) if own else (
                f"{inner.text}{op[4:]}" if op.startswith("post") else f"{op}{inner.text if inner else ''}")
            e = Expr("unop", text, loc, c.type.spelling if op in ("&", "*") else "", op=op, kids=k)
            return self._fold(c, e, own, start, end)

        if kind in (K.BINARY_OPERATOR, K.COMPOUND_ASSIGNMENT_OPERATOR):
            kids = list(clangapi.children(c))
            if len(kids) != 2:
                return self._other(c, kids, own, start, end, loc, sp, fb)
            lhs, rhs = self.expr(kids[0], sp, fb), self.expr(kids[1], sp, fb)
            op = clangapi.binop(c)
            text = self.toks.text(start, end) if own else f"{lhs.text} {op} {rhs.text}"
            e = Expr("binop", text, loc, "", op=op, kids=(lhs, rhs))
            return self._fold(c, e, own, start, end)

        if kind in _CASTS:
            kids = [ch for ch in clangapi.children(c) if ch.kind.is_expression() or ch.kind == K.INIT_LIST_EXPR]
            inner = self.expr(kids[-1], sp, fb) if kids else None
            ty = c.type.spelling
            text = self.toks.text(start, end) if own else f"({ty}){inner.text if inner else ''}"
            e = Expr("cast", text, loc, ty, ref=ty, kids=(inner,) if inner else ())
            return self._fold(c, e, own, start, end)

        if kind == K.CONDITIONAL_OPERATOR:
            kids = [self.expr(ch, sp, fb) for ch in clangapi.children(c)]
            text = self.toks.text(start, end) if own else " ? ".join(k.text for k in kids[:2]) + (
                f" : {kids[2].text}" if len(kids) > 2 else "")
            e = Expr("cond", text, loc, "", kids=tuple(kids))
            return self._fold(c, e, own, start, end)

        if kind == K.ARRAY_SUBSCRIPT_EXPR:
            kids = [self.expr(ch, sp, fb) for ch in clangapi.children(c)]
            text = self.toks.text(start, end) if own else (f"{kids[0].text}[{kids[1].text}]" if len(kids) == 2
                                                           else "?")
            return Expr("index", text, loc, c.type.spelling, kids=tuple(kids))

        if kind == K.INIT_LIST_EXPR:
            return self._init_list(c, own, start, end, loc, sp, fb)

        if kind == K.CXX_UNARY_EXPR:
            v = clangapi.evaluate_int(c)
            return Expr("sizeof", self.toks.text(start, end) if own else "sizeof(?)", loc, value=v)

        if kind == K.CXX_THIS_EXPR:
            return Expr("name", "this", loc, c.type.spelling, name="this", ref="param")

        if kind == K.LAMBDA_EXPR and fb is not None:
            lf = self.lambda_function(c, fb.fn, loc)
            return Expr("lambda", self.toks.text(start, end)[:80] if own else "<lambda>", loc, name=lf.key)

        kids = [ch for ch in clangapi.children(c) if ch.kind.is_expression() or ch.kind == K.INIT_LIST_EXPR]
        return self._other(c, kids, own, start, end, loc, sp, fb)

    def _other(self, c, kids, own, start, end, loc, sp, fb):
        ek = tuple(self.expr(k, sp, fb) for k in kids)
        text = self.toks.text(start, end) if own else (ek[0].text if len(ek) == 1 else c.spelling or "?")
        return Expr("other", text, loc, c.type.spelling, kids=ek, name=c.spelling)

    def _fold(self, c, e: Expr, own, start, end) -> Expr:
        if e.kids and all(k.value is not None for k in e.kids) and e.op not in _ASSIGN_OPS:
            if "dependent" not in (e.type or c.type.spelling):
                e.value = clangapi.evaluate_int(c)
                if e.value is not None and own:
                    e.macro = self._macro(start, end)
        return e

    def _macro(self, start, end) -> str:
        if start is None:
            return ""
        tk = self.toks
        i, j = tk.range(start, end)
        if j > i and tk.kinds[i] == IDENT and (j == i + 1 or tk.spell[i + 1] == "("):
            return tk.spell[i]
        return ""

    def _member_tail(self, start, end):
        tk = self.toks
        i, j = tk.range(start, end)
        if j - i >= 3 and tk.spell[j - 2] in ("->", ".") and tk.kinds[j - 1] == IDENT:
            return tk.spell[j - 2], tk.spell[j - 1]
        return None

    def _last_ident(self, start, end) -> str:
        tk = self.toks
        i, j = tk.range(start, end)
        for k in range(j - 1, i - 1, -1):
            if tk.kinds[k] == IDENT:
                return tk.spell[k]
        return ""

    def _arrow(self, start, end):
        """True/False when the tokens show `->`/`.` before the member name, None when unknown."""
        if start is None:
            return None
        tk = self.toks
        i, j = tk.range(start, end)
        if j - i >= 2 and tk.spell[j - 2] in ("->", "."):
            return tk.spell[j - 2] == "->"
        return None

    def _ref_kind(self, c, fb) -> tuple[str, int | None]:
        name = c.spelling
        if fb is not None:
            if fb.fn.param_index(name) is not None:
                return "param", None
            if name in fb.fn.locals:
                return "local", None
        r = c.referenced
        if r is None:
            return "unknown", None
        rk = r.kind
        if rk == K.ENUM_CONSTANT_DECL:
            return "enum", r.enum_value
        if rk in _FUNC_KINDS:
            return "function", None
        loc = r.location
        if loc.file is not None and loc.file.name == self.stub_file:
            return "stub", None
        if rk == K.VAR_DECL:
            p = r.semantic_parent
            if p is not None and p.kind in _FUNC_KINDS:
                return "local", None
            return "global", None
        if rk == K.PARM_DECL:
            return "param", None
        return "unknown", None

    def _call(self, c, own, start, end, loc, sp, fb):
        children = list(clangapi.children(c))
        try:
            args = list(c.get_arguments())
        except Exception:
            args = []
        if args and len(children) > len(args):
            callee_c = children[0]
        elif not args and children:
            callee_c, args = children[0], children[1:]
        else:
            callee_c = None
        ref = c.referenced
        op, name, struct = "unknown", "", ""
        callee = None
        if callee_c is not None:
            callee = self.expr(callee_c, sp, fb)
            ce = callee.strip()
            while ce.kind == "unop" and ce.op == "*" and ce.kids:   # (*pfn)(...)
                ce = ce.kids[0].strip()
            if ce.kind == "name":
                if ce.ref == "function":
                    op, name = "direct", ce.name
                    if ref is not None and ref.kind in _FUNC_KINDS:
                        if self.lang == "c++":
                            name = self._qualname(ref)
                        f = ref.location.file
                        if f is not None and f.name != self.path and not self.project_filter(f.name):
                            struct = "api"   # declared by the WDK (or our bundled declarations)
                else:
                    op, name = "pointer", ce.name
            elif ce.kind == "member":
                if ref is not None and ref.kind in (K.CXX_METHOD, K.FUNCTION_TEMPLATE, K.CONVERSION_FUNCTION):
                    op, name = "method", self._qualname(ref)
                else:
                    op, name, struct = "member", ce.name, ce.ref
        elif ref is not None and ref.kind == K.CONSTRUCTOR:
            op, name = "ctor", self._qualname(ref.semantic_parent) if ref.semantic_parent else c.spelling
        elif c.spelling:
            op, name = "direct", c.spelling
        arg_exprs = tuple(self.expr(a, sp, fb) for a in args)
        if callee is None:
            callee = Expr("name", name or "?", loc, name=name, ref="function")
        text = self.toks.text(start, end) if own else f"{callee.text}({', '.join(a.text for a in arg_exprs)})"
        return Expr("call", text, loc, c.type.spelling, name=name, op=op, ref=struct, kids=(callee, *arg_exprs))

    def _init_list(self, c, own, start, end, loc, sp, fb):
        fields = []
        try:
            fields = [f.spelling for f in c.type.get_canonical().get_fields()]
        except Exception:
            fields = []
        items = []
        pos = 0
        for ch in clangapi.children(c):
            designator = None
            value_c = ch
            if ch.kind == K.UNEXPOSED_EXPR:
                sub = list(clangapi.children(ch))
                refs = [s for s in sub if s.kind == K.MEMBER_REF]
                if refs and len(sub) > len(refs):
                    designator = ".".join(r.spelling for r in refs)
                    value_c = sub[-1]
            v = self.expr(value_c, sp, fb)
            if designator is None:
                designator = fields[pos] if pos < len(fields) else f"[{pos}]"
                pos += 1
            else:
                head = designator.split(".")[0]
                pos = fields.index(head) + 1 if head in fields else pos + 1
            items.append(Expr("field_init", f".{designator}", v.loc, name=designator, kids=(v,)))
        text = self.toks.text(start, end) if own else "{...}"
        return Expr("init", text, loc, c.type.spelling, kids=tuple(items))


class FuncBuilder:
    """Builds the CFG of one function body out of events."""

    def __init__(self, conv: Converter, fn: Function):
        self.conv = conv
        self.fn = fn
        self.blocks: list[Block] = []
        self.entry = self.new_block()
        self.exit = self.new_block()
        self.cur: Block | None = self.new_block()
        self.link(self.entry, self.cur)
        self.breaks: list[Block] = []
        self.continues: list[Block] = []
        self.labels: dict[str, Block] = {}
        self.gotos: list[tuple[Block, str]] = []
        self.switches: list[tuple[Block, dict]] = []
        self.leaves: list[Block] = []

    def new_block(self, loc: Loc | None = None) -> Block:
        b = Block(len(self.blocks), loc=loc)
        self.blocks.append(b)
        return b

    def link(self, a: Block | None, b: Block, label: str = ""):
        if a is not None and (b.id, label) not in a.succs:
            a.succs.append((b.id, label))

    def ensure(self) -> Block:
        if self.cur is None:
            self.cur = self.new_block()
        return self.cur

    def build(self, body):
        self.stmt(body)
        self.link(self.cur, self.exit)
        for b, label in self.gotos:
            target = self.labels.get(label)
            if target is not None:
                self.link(b, target, "goto")
        self.fn.blocks = self.blocks
        self.fn.entry = self.entry.id
        self.fn.exit = self.exit.id

    # -- events ------------------------------------------------------------------------------------
    def emit(self, e: Expr):
        """Append the calls and assignments of an expression, in evaluation order."""
        b = self.ensure()
        self._emit(e, b)

    def _emit(self, e: Expr, b: Block):
        if e.kind == "lambda":
            return
        for k in e.kids:
            self._emit(k, b)
        if e.kind == "call":
            b.events.append(Event("call", e.loc, e))
        elif e.kind == "binop" and e.op in _ASSIGN_OPS and len(e.kids) == 2:
            b.events.append(Event("assign", e.loc, e.kids[1], e.kids[0], e.op))
        elif e.kind == "unop" and e.op in ("++", "--", "post++", "post--") and e.kids:
            b.events.append(Event("assign", e.loc, e, e.kids[0], e.op))   # `i++`: a write of i

    def expr(self, c) -> Expr:
        return self.conv.expr(c, None, self)

    # -- statements --------------------------------------------------------------------------------
    def stmt(self, c):
        s, e, _ = self.conv.span(c)
        saved = self.conv.bound
        if s is not None and e > s:
            self.conv.bound = (s, e)
        try:
            self._stmt(c)
        finally:
            self.conv.bound = saved

    def _stmt(self, c):
        k = c.kind
        if k == K.COMPOUND_STMT:
            for ch in clangapi.children(c):
                self.stmt(ch)
        elif k == K.DECL_STMT:
            for ch in clangapi.children(c):
                if ch.kind == K.VAR_DECL:
                    self.var_decl(ch)
        elif k == K.RETURN_STMT:
            kids = list(clangapi.children(c))
            val = self.expr(kids[0]) if kids else None
            if val is not None:
                self.emit(val)
            _, _, loc = self.conv.span(c)
            self.ensure().events.append(Event("return", loc, val))
            self.link(self.cur, self.exit)
            self.cur = None
        elif k == K.IF_STMT:
            self.if_stmt(c)
        elif k == K.WHILE_STMT:
            self.while_stmt(c)
        elif k == K.DO_STMT:
            self.do_stmt(c)
        elif k == K.FOR_STMT:
            self.for_stmt(c)
        elif k == K.CXX_FOR_RANGE_STMT:
            self.range_for(c)
        elif k == K.SWITCH_STMT:
            self.switch_stmt(c)
        elif k in (K.CASE_STMT, K.DEFAULT_STMT):
            self.case_stmt(c)
        elif k == K.BREAK_STMT:
            if self.breaks:
                self.link(self.cur, self.breaks[-1])
            self.cur = None
        elif k == K.CONTINUE_STMT:
            if self.continues:
                self.link(self.cur, self.continues[-1])
            self.cur = None
        elif k == K.GOTO_STMT:
            label = next((ch.spelling for ch in clangapi.children(c) if ch.kind == K.LABEL_REF), "")
            if self.cur is not None:
                self.gotos.append((self.cur, label))
            self.cur = None
        elif k == K.LABEL_STMT:
            _, _, loc = self.conv.span(c)
            b = self.new_block(loc)
            self.link(self.cur, b)
            self.labels[c.spelling] = b
            self.cur = b
            for ch in clangapi.children(c):
                self.stmt(ch)
        elif k == K.SEH_TRY_STMT or k == K.CXX_TRY_STMT:
            self.try_stmt(c)
        elif k == K.SEH_LEAVE_STMT:
            if self.leaves:
                self.link(self.cur, self.leaves[-1])
            self.cur = None
        elif k in (K.NULL_STMT, K.ASM_STMT, K.MS_ASM_STMT, K.INDIRECT_GOTO_STMT):
            if k != K.NULL_STMT:
                self.cur = self.ensure()
        elif k.is_expression():
            self.emit(self.expr(c))
        elif k.is_declaration():
            if k == K.VAR_DECL:
                self.var_decl(c)
        else:
            for ch in clangapi.children(c):
                if ch.kind.is_statement() or ch.kind.is_expression():
                    self.stmt(ch)

    def var_decl(self, c):
        _, _, loc = self.conv.span(c)
        sc = c.storage_class
        storage = {ci.StorageClass.STATIC: "static", ci.StorageClass.EXTERN: "extern",
                   ci.StorageClass.REGISTER: "register"}.get(sc, "auto")
        init_c = None
        for ch in clangapi.children(c):
            if ch.kind.is_expression() or ch.kind == K.INIT_LIST_EXPR:
                init_c = ch
        var = Var(c.spelling, c.type.spelling, storage, loc)
        if c.spelling not in self.fn.locals:
            self.fn.locals[c.spelling] = var
        init = self.expr(init_c) if init_c is not None else None
        var.init = init
        if init is not None:
            self.emit(init)
        target = Expr("name", c.spelling, loc, c.type.spelling, name=c.spelling, ref="local")
        self.ensure().events.append(Event("decl", loc, init, target, "="))

    def _cond(self, c) -> Expr:
        if c.kind == K.VAR_DECL:
            self.var_decl(c)
            return Expr("name", c.spelling, self.conv.span(c)[2], c.type.spelling, name=c.spelling, ref="local")
        if c.kind == K.DECL_STMT:
            last = None
            for ch in clangapi.children(c):
                if ch.kind == K.VAR_DECL:
                    self.var_decl(ch)
                    last = ch
            if last is not None:
                return Expr("name", last.spelling, self.conv.span(last)[2], last.type.spelling, name=last.spelling,
                            ref="local")
        e = self.expr(c)
        self.emit(e)
        return e

    def if_stmt(self, c):
        kids = list(clangapi.children(c))
        if len(kids) >= 3 and kids[0].kind in (K.DECL_STMT, K.VAR_DECL) and not kids[1].kind.is_statement():
            self.stmt(kids[0])   # C++17 if-with-initializer
            kids = kids[1:]
        if not kids:
            return
        cond = self._cond(kids[0])
        head = self.ensure()
        head.cond = cond
        then_b = self.new_block(cond.loc)
        self.link(head, then_b, "T")
        self.cur = then_b
        if len(kids) > 1:
            self.stmt(kids[1])
        then_end = self.cur
        join = None
        if len(kids) > 2:
            else_b = self.new_block()
            self.link(head, else_b, "F")
            self.cur = else_b
            self.stmt(kids[2])
            else_end = self.cur
            join = self.new_block()
            self.link(then_end, join)
            self.link(else_end, join)
        else:
            join = self.new_block()
            self.link(then_end, join)
            self.link(head, join, "F")
        self.cur = join

    def _loop(self, kind, c, cond_c, body_c, inc_c=None, test_first=True):
        _, _, loc = self.conv.span(c)
        first = len(self.blocks)
        before = self.ensure()
        head = self.new_block(loc)
        after = self.new_block()
        cont_target = head
        if inc_c is not None:
            cont_target = self.new_block()
        body_b = self.new_block()
        if test_first:
            self.link(before, head)
            self.cur = head
            if cond_c is not None:
                self._loop_test(cond_c, body_b, after)
            else:
                self.link(head, body_b)
        else:
            self.link(before, body_b)
        self.breaks.append(after)
        self.continues.append(cont_target)
        self.cur = body_b
        if body_c is not None:
            self.stmt(body_c)
        self.breaks.pop()
        self.continues.pop()
        if inc_c is not None:
            self.link(self.cur, cont_target)
            self.cur = cont_target
            self.emit(self.expr(inc_c))
            self.link(self.cur, head)
        elif test_first:
            self.link(self.cur, head)
        else:
            self.link(self.cur, head)
            self.cur = head
            if cond_c is not None:
                self._loop_test(cond_c, body_b, after)
            else:
                self.link(head, body_b)
        body = frozenset(b.id for b in self.blocks[first:] if b.id != after.id)
        self.fn.loops.append(Loop(kind, loc, head.id, body))
        self.cur = after

    def _loop_test(self, cond_c, body_b, after):
        """The loop condition; a constant one (`while (0)`, `for (;;)`-like `while (1)`) has one edge."""
        cond = self._cond(cond_c)
        h = self.ensure()
        if cond.value is None:
            h.cond = cond
            self.link(h, body_b, "T")
            self.link(h, after, "F")
        else:
            self.link(h, body_b if cond.value else after)

    def while_stmt(self, c):
        kids = list(clangapi.children(c))
        self._loop("while", c, kids[0] if kids else None, kids[-1] if len(kids) > 1 else None)

    def do_stmt(self, c):
        kids = list(clangapi.children(c))
        self._loop("do", c, kids[-1] if len(kids) > 1 else None, kids[0] if kids else None, test_first=False)

    def for_stmt(self, c):
        kids = list(clangapi.children(c))
        init = cond = inc = body = None
        if kids:
            body = kids[-1]
            parts = self._for_parts(c, kids[:-1])
            init, cond, inc = parts
        if init is not None:
            self.stmt(init)
        self._loop("for", c, cond, body, inc)

    def _for_parts(self, c, kids):
        """Assign the optional init/cond/inc children by where they sit relative to the `;`s."""
        if len(kids) == 3:
            return kids[0], kids[1], kids[2]
        if not kids:
            return None, None, None
        start, end, _ = self.conv.span(c)
        tk = self.conv.toks
        semis = []
        if start is not None:
            i, j = tk.range(start, end)
            depth = 0
            for k in range(i, j):
                s = tk.spell[k]
                if s == "(":
                    depth += 1
                elif s == ")":
                    depth -= 1
                    if depth == 0:
                        break
                elif s == ";" and depth == 1:
                    semis.append(tk.starts[k])
        out = [None, None, None]
        if len(semis) == 2:
            for ch in kids:
                s, _, _ = self.conv.span(ch)
                if s is None:
                    continue
                slot = 0 if s < semis[0] else (1 if s < semis[1] else 2)
                out[slot] = ch
            return tuple(out)
        # inside a macro: guess (a lone child is most often the condition)
        if len(kids) == 1:
            return None, kids[0], None
        return kids[0], kids[1], None

    def range_for(self, c):
        kids = list(clangapi.children(c))
        for ch in kids[:-1]:
            if ch.kind.is_expression():
                self.emit(self.expr(ch))
            elif ch.kind == K.VAR_DECL:
                self.var_decl(ch)
        self._loop("range-for", c, None, kids[-1] if kids else None)

    def switch_stmt(self, c):
        kids = list(clangapi.children(c))
        if not kids:
            return
        cond = self._cond(kids[0])
        head = self.ensure()
        head.cond = cond
        after = self.new_block()
        state = {"default": False}
        self.switches.append((head, state))
        self.breaks.append(after)
        self.cur = None
        if len(kids) > 1:
            self.stmt(kids[-1])
        self.breaks.pop()
        self.switches.pop()
        self.link(self.cur, after)
        if not state["default"]:
            self.link(head, after, "default")
        self.cur = after

    def case_stmt(self, c):
        _, _, loc = self.conv.span(c)
        b = self.new_block(loc)
        self.link(self.cur, b)   # fall-through
        kids = list(clangapi.children(c))
        if self.switches:
            head, state = self.switches[-1]
            if c.kind == K.DEFAULT_STMT:
                state["default"] = True
                self.link(head, b, "default")
            else:
                v = clangapi.evaluate_int(kids[0]) if kids else None
                self.link(head, b, f"case:{v if v is not None else '?'}")
        self.cur = b
        if kids:
            self.stmt(kids[-1])

    def try_stmt(self, c):
        kids = list(clangapi.children(c))
        if not kids:
            return
        first = len(self.blocks)
        before = self.ensure()
        body_b = self.new_block()
        self.link(before, body_b)
        after = self.new_block()
        self.leaves.append(after)
        self.cur = body_b
        self.stmt(kids[0])
        self.leaves.pop()
        body_end = self.cur
        inside = [b for b in self.blocks[first:] if b.id != after.id]
        handlers = kids[1:]
        finally_b = None
        for h in handlers:
            if h.kind == K.SEH_FINALLY_STMT:
                finally_b = self.new_block()
                self.link(body_end, finally_b)
                for b in inside:
                    if b is not body_end:
                        self.link(b, finally_b, "exc")
                self.cur = finally_b
                for ch in clangapi.children(h):
                    if ch.kind == K.COMPOUND_STMT:
                        self.stmt(ch)
                self.link(self.cur, after)
            else:   # __except(filter) { } or catch (...) { }
                hb = self.new_block()
                for b in inside:
                    self.link(b, hb, "exc")
                self.cur = hb
                hk = list(clangapi.children(h))
                if h.kind == K.SEH_EXCEPT_STMT and hk:
                    self.emit(self.expr(hk[0]))
                body = next((ch for ch in reversed(hk) if ch.kind == K.COMPOUND_STMT), None)
                if body is not None:
                    self.stmt(body)
                self.link(self.cur, after)
        if finally_b is None:
            self.link(body_end, after)
        self.cur = after


def _end_of_run(kids: list, i: int, h) -> int:
    """The index after the run of top-level cursors from header `h` that goes on at `i`. Whatever lies
    between two declarations of a (guarded) system header comes from that header or from headers it
    includes, so the run's end is found by galloping probes, not by asking every one of the thousands
    of WDK declarations for its file."""
    lo, step = i - 1, 1
    while lo + step < len(kids) and clangapi.location_file(kids[lo + step]) == h:
        lo += step
        step *= 2
    hi = min(lo + step, len(kids))
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if clangapi.location_file(kids[mid]) == h:
            lo = mid
        else:
            hi = mid
    return lo + 1


def _dedupe(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def project_filter_for(system_dirs: list[str]):
    prefixes = tuple(os.path.join(os.path.abspath(d), "") for d in system_dirs)

    def is_project(path: str) -> bool:
        return not os.path.abspath(path).startswith(prefixes) and not path.startswith("/__wsklint__/")
    return is_project
