"""Parse one source file into a FileModel, recovering from missing headers.

Recovery: libclang (C mode) drops every statement that uses an undeclared name, so without the
project's headers most WSK calls would vanish. We collect the unknown type names and undeclared
identifiers from the diagnostics, synthesise declarations for them in a virtual header, and parse
again. Includes spelled with backslashes or the wrong case (Windows habits) are mapped onto the real
files through libclang's unsaved-file overlay.
"""
from __future__ import annotations

import os
import re
import time

import clang.cindex as ci

from ..model import FileModel, Note
from .convert import Converter, project_filter_for
from .pool import ParseJob

STUB_PATH = "/__wsklint__/stubs.h"
KEEP_GOING = 0x200
DETAILED_PREPROCESSING = 0x01   # needed for the inactive (#if 0) ranges of pragmas
MAX_ROUNDS = 4

_NOT_FOUND = re.compile(r"^'(.+)' file not found")
_UNKNOWN_TYPE = re.compile(r"^unknown type name '(\w+)'")
_UNDECLARED = re.compile(r"^use of undeclared identifier '(\w+)'")
_UNEXPECTED_TYPE = re.compile(r"^unexpected type name '(\w+)': expected expression")
_GENERATED = (".tmh", ".clog.h", "_clog.h", ".g.h")


class InputError(Exception):
    """The file cannot be analysed at all (binary, unreadable)."""


def parse_file(job: ParseJob) -> FileModel:
    t0 = time.perf_counter()
    path = job.path
    if job.text is not None:
        data = job.text
    else:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}") from None
    notes = list(job.notes)
    if b"\0" in data[:8192]:
        raise InputError("binary file (contains NUL bytes)")
    unsaved: dict[str, bytes | str] = {path: data} if job.text is not None else {}
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        data = text.encode("utf-8")
        unsaved[path] = data
        notes.append(Note("decode", "not valid UTF-8; read as Windows-1252", path))
    if not data.strip():
        m = FileModel(path=path, language=job.lang, notes=notes + [Note("empty", "empty file", path)])
        m.total_seconds = time.perf_counter() - t0
        return m

    index = ci.Index.create()
    types: set[str] = set()
    values: set[str] = set()
    funcs: set[str] = set()
    banned: set[str] = set()            # names whose synthesised declaration collided with a real one
    macros: set[str] = set()            # unknown names used like function-like macros
    missing: dict[str, str] = {}        # spelled include -> includer
    found_in_tree: dict[str, str] = {}  # spelled include -> header found by searching the tree
    mapped: dict[str, str] = {}         # spelled include -> the file used for it
    extra_dirs: list[str] = []
    parse_s = 0.0
    tu = None
    texts: dict[str, str] = {}
    fallback = False
    for _ in range(MAX_ROUNDS + 1):
        args = list(job.args) + [a for d in extra_dirs for a in ("-I", d)]
        if fallback:
            args += ["-include", "ntifs.h", "-include", "wsk.h"]
        files = dict(unsaved)
        stub = _stub_header(types, values, funcs, job.lang, macros)
        if stub:
            files[STUB_PATH] = stub
            args += ["-include", STUB_PATH]
        t1 = time.perf_counter()
        try:
            tu = index.parse(path, args=args, unsaved_files=list(files.items()), 
                             options=KEEP_GOING | DETAILED_PREPROCESSING)
        except ci.TranslationUnitLoadError as e:
            raise InputError(f"libclang could not parse the file: {e}") from None
        parse_s += time.perf_counter() - t1
        progress = False
        mapped_now = False
        types_before, values_before, funcs_before, macros_before = set(types), set(values), set(funcs), set(macros)
        if not fallback and _needs_wdk_fallback(tu):
            # An umbrella header (ntddk.h, Veil.h, a precompiled header ...) is missing: the bundled
            # WDK declarations are a far better guess than synthesised ones.
            fallback = True
            notes.append(Note("wdk-fallback", "WDK declarations were missing (an umbrella header was not found); "
                              "the bundled ntifs.h and wsk.h were included instead", path))
            continue
        for d in tu.diagnostics:
            if d.severity < ci.Diagnostic.Error:
                continue
            sp = d.spelling
            loc = d.location
            fname = loc.file.name if loc.file else path
            m = _NOT_FOUND.match(sp)
            if m:
                inc = m.group(1)
                if inc not in missing:
                    missing[inc] = fname
                    real = _resolve_include(inc, fname, job.args + [a for d2 in extra_dirs for a in ("-I", d2)])
                    if real is None and not inc.endswith(_GENERATED):
                        real = _search_tree(inc, fname, job.search_root)
                        if real:
                            found_in_tree[inc] = real
                    if real:
                        mapped[inc] = real
                        content = _read(real)
                        for target in _overlay_targets(inc, fname, job.args):
                            if target not in unsaved and not os.path.exists(target):
                                unsaved[target] = content
                                texts[target] = content
                                progress = True
                                mapped_now = True
                        rd = os.path.dirname(real)
                        if rd not in extra_dirs:
                            extra_dirs.append(rd)
                continue
            if _CONFLICT.match(sp):
                # a synthesised declaration collides with a real one that comes later in the file
                name = _conflict_name(sp, fname, loc.offset, texts, data if fname == path else None)
                if name and name not in banned and (name in types or name in values or name in funcs):
                    banned.add(name)
                    macros.discard(name)
                    types.discard(name)
                    values.discard(name)
                    funcs.discard(name)
                    progress = True
                continue
            m = _UNEXPECTED_TYPE.match(sp)
            if m and m.group(1) in types:
                types.discard(m.group(1))     # first guessed a type; the expression context says value
                values.add(m.group(1))
                progress = True
                continue
            m = _UNKNOWN_TYPE.match(sp)
            if m and m.group(1) not in types and m.group(1) not in banned and m.group(1) not in macros:
                name = m.group(1)
                src = texts.get(fname)
                if src is None:
                    src = texts[fname] = _read_text(fname, data if fname == path else None)
                if src[loc.offset + len(name): loc.offset + len(name) + 1] == "(":
                    macros.add(name)    # `DECLARE_HANDLE(X);`, `GetContext(obj)`: a function-like macro
                    funcs.discard(name)
                else:
                    types.add(name)
                values.discard(name)
                progress = True
                continue
            m = _UNDECLARED.match(sp)
            if m:
                name = m.group(1)
                if name in types or name in values or name in funcs or name in banned or name in macros:
                    continue
                src = texts.get(fname)
                if src is None:
                    src = texts[fname] = _read_text(fname, data if fname == path else None)
                role = _classify(src, loc.offset, name)
                (types if role == "type" else funcs if role == "func" and job.lang == "c++" else values).add(name)
                progress = True
        if mapped_now:
            # headers found this round may declare what was undeclared: guess again next round
            types, values, funcs, macros = (types_before, values_before, funcs_before, macros_before)
        if not progress:
            break

    resolved = {inc for inc in missing if any(t in unsaved for t in _overlay_targets(inc, missing[inc], job.args))}
    for inc, includer in missing.items():
        if inc in resolved:
            real = mapped.get(inc, "")
            how = "found by searching the source tree" if inc in found_in_tree else "found ignoring case and separators"
            notes.append(Note("include-mapped", f"#include \"{inc}\" is not on the include path as spelled; {how}: "
                              f"{real} (pass -I or -p to be exact)", includer))
        elif inc.endswith(_GENERATED):
            notes.append(Note("missing-header", f"generated header '{inc}' not found (produced by the build, e.g. "
                              "WPP); its macros are treated as unknown calls", includer))
        else:
            notes.append(Note("missing-header", f"header '{inc}' not found; declarations it provides were "
                              "synthesised where used", includer))
    synthesized = sorted(types | values | funcs | macros)
    if synthesized:
        shown = ", ".join(synthesized[:12]) + (f" and {len(synthesized) - 12} more" if len(synthesized) > 12 else "")
        notes.append(Note("stubbed", f"synthesised declarations for {len(synthesized)} undeclared names "
                          f"({shown})", path))
    errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error
              and not _NOT_FOUND.match(d.spelling)]
    main_errors = [d for d in errors if d.location.file and d.location.file.name == path]
    if main_errors:
        first = main_errors[0]
        notes.append(Note("parse-error", f"{len(main_errors)} parse error(s) remain; statements they touch may be "
                          f"missing from the analysis (first: line {first.location.line}: {first.spelling})", path,
                          first.location.line))

    conv = Converter(tu, path, data, project_filter_for(job.system_dirs + ["/__wsklint__"]), STUB_PATH, job.lang)
    model = conv.run()
    model.notes = notes + model.notes
    model.error_lines = sorted({d.location.line for d in main_errors})
    model.parse_seconds = parse_s
    model.includes = _includes(tu, path)
    model.total_seconds = time.perf_counter() - t0
    return model


_VOCAB: frozenset | None = None
_NAME_IN_DIAG = re.compile(r"^(?:unknown type name|use of undeclared identifier) '(\w+)'")


def wdk_vocabulary() -> frozenset:
    """Names the bundled headers define (typedefs, macros, functions): a missing one means a missing
    WDK header rather than a missing project header."""
    global _VOCAB
    if _VOCAB is None:
        from .flags import BUNDLED_INCLUDE
        names = set()
        pat = re.compile(r"#define\s+(\w+)|\b(\w+)\s*[;,\[)]|\b(\w+)\s*\(")
        for h in BUNDLED_INCLUDE.glob("*.h"):
            for m in pat.finditer(h.read_text(encoding="utf-8", errors="replace")):
                n = m.group(1) or m.group(2) or m.group(3)
                if n and n[0].isupper() and len(n) > 2:
                    names.add(n)
        _VOCAB = frozenset(names)
    return _VOCAB


_UMBRELLA = {"ntddk.h", "wdm.h", "ntifs.h", "fltkernel.h"}


def _needs_wdk_fallback(tu) -> bool:
    for inc in tu.get_includes():
        if inc.include is not None and os.path.basename(inc.include.name).lower() in _UMBRELLA:
            return False
    vocab = wdk_vocabulary()
    hits = 0
    for d in tu.diagnostics:
        if d.severity >= ci.Diagnostic.Error:
            m = _NAME_IN_DIAG.match(d.spelling)
            if m and m.group(1) in vocab:
                hits += 1
                if hits >= 3:
                    return True
    return False


def _stub_header(types, values, funcs, lang, macros=()) -> str:
    if not (types or values or funcs or macros):
        return ""
    out = ["/* wsklint: declarations synthesised for names whose headers are missing */"]
    out += [f"#define {m}(...) 0" for m in sorted(macros)]
    out += [f"typedef int {t};" for t in sorted(types)]
    out += [f"extern int {v};" for v in sorted(values)]
    if lang == "c++":
        out += [f"int {f}(...);" for f in sorted(funcs)]
    else:
        out += [f"extern int {f};" for f in sorted(funcs)]
    return "\n".join(out) + "\n"


_CONFLICT = re.compile(r"^(redefinition of '\w+'|definition of type '\w+' conflicts|typedef redefinition|"
                       r"redefinition of '\w+' as different kind)")
_QUOTED = re.compile(r"'(\w+)'")


def _conflict_name(msg: str, fname: str, offset: int, texts: dict, data: bytes | None) -> str | None:
    m = _QUOTED.search(msg)
    if m:
        return m.group(1)
    src = texts.get(fname)
    if src is None:
        src = texts[fname] = _read_text(fname, data)
    m = re.match(r"\w+", src[offset:offset + 200])
    return m.group(0) if m else None


_TYPE_AFTER = re.compile(r"\s*(?:const\s+|volatile\s+)?[A-Za-z_]\w*")
_PTR_DECL = re.compile(r"\s*\*+\s*(?:const\s+)?[A-Za-z_]\w*\s*[;,=)\[]")
_CAST = re.compile(r"\s*\*?\s*\)\s*[A-Za-z_(&*!~\-]")


def _classify(src: str, offset: int, name: str) -> str:
    """'type' | 'func' | 'value' for an undeclared name, from the text around its use."""
    after = src[offset + len(name): offset + len(name) + 80]
    before = src[max(0, offset - 40): offset].rstrip()
    prev = before[-1:] if before else ""
    if _TYPE_AFTER.match(after) and not re.match(r"\s*(?:if|return|else|sizeof)\b", after):
        return "type"
    if prev in ("", "{", "}", ";") and _PTR_DECL.match(after):
        return "type"
    if prev == "(" and _CAST.match(after):
        return "type"
    if prev == "(" and before[:-1].rstrip().endswith("sizeof") and re.match(r"\s*\)", after):
        return "type"
    if re.match(r"\s*\(", after):
        return "func"
    return "value"


def _read(path: str) -> str:
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_text(path: str, data: bytes | None) -> str:
    if data is not None:
        return data.decode("utf-8", errors="replace")
    try:
        return _read(path)
    except OSError:
        return ""


def _search_dirs(args: list[str]) -> list[str]:
    out = []
    for i, a in enumerate(args):
        if a in ("-I", "-iquote", "-isystem", "-idirafter") and i + 1 < len(args):
            out.append(args[i + 1])
        elif a.startswith("-I") and len(a) > 2:
            out.append(a[2:])
    return out


_TREE_INDEX: dict[str, dict] = {}
_TREE_LIMIT = 20000


def _tree_index(root: str) -> dict:
    """basename (lower case) -> paths of headers under `root` (bounded walk, cached per process)."""
    idx = _TREE_INDEX.get(root)
    if idx is None:
        idx = {}
        seen = 0
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "build")]
            for f in filenames:
                seen += 1
                if f.lower().endswith((".h", ".hpp", ".hh", ".hxx", ".inl")):
                    idx.setdefault(f.lower(), []).append(os.path.join(dirpath, f))
            if seen > _TREE_LIMIT:
                break
        _TREE_INDEX[root] = idx
    return idx


def _search_tree(spelled: str, includer: str, root: str | None) -> str | None:
    """A header with that name elsewhere in the project (no compile database told us where).

    The search stays inside `root` (the analysed tree): headers of unrelated projects next to it
    must never leak into the model."""
    if not root:
        return None
    root = os.path.abspath(root)
    if not os.path.abspath(includer).startswith(os.path.join(root, "")):
        return None
    rel = spelled.replace("\\", "/")
    name = os.path.basename(rel).lower()
    hits = [h for h in _tree_index(root).get(name, []) if h.replace("\\", "/").lower().endswith(rel.lower())]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:   # prefer the one closest to the includer
        here = os.path.dirname(os.path.abspath(includer))
        best = sorted(hits, key=lambda h: -len(os.path.commonpath([here, h])))
        if len(os.path.commonpath([here, best[0]])) > len(os.path.commonpath([here, best[1]])):
            return best[0]
    return None


def _resolve_include(spelled: str, includer: str, args: list[str]) -> str | None:
    """Find `spelled` ignoring backslashes-vs-slashes and letter case, like Windows would."""
    rel = spelled.replace("\\", "/")
    for base in [os.path.dirname(includer)] + _search_dirs(args):
        cur = base
        ok = True
        for part in [p for p in rel.split("/") if p]:
            if part == "..":
                cur = os.path.dirname(cur)
                continue
            if part == ".":
                continue
            try:
                entries = os.listdir(cur)
            except OSError:
                ok = False
                break
            match = next((e for e in entries if e == part), None) or \
                next((e for e in entries if e.lower() == part.lower()), None)
            if match is None:
                ok = False
                break
            cur = os.path.join(cur, match)
        if ok and os.path.isfile(cur):
            return cur
    return None


def _overlay_targets(spelled: str, includer: str, args: list[str]) -> list[str]:
    """Where libclang will look for `spelled` (it turns backslashes into slashes itself)."""
    rel = spelled.replace("\\", "/")
    targets = [os.path.normpath(os.path.join(os.path.dirname(includer), rel))]
    dirs = _search_dirs(args)
    if dirs:
        targets.append(os.path.normpath(os.path.join(dirs[0], rel)))
    return targets


def _includes(tu, main: str) -> list:
    out = []
    seen = set()
    for inc in tu.get_includes():
        name = inc.include.name if inc.include else None
        if not name or name in seen or name.startswith("/__wsklint__/"):
            continue
        seen.add(name)
        try:
            st = os.stat(name)
            out.append((name, st.st_mtime_ns, st.st_size))
        except OSError:
            continue
    return out
