"""Compile flags: compile databases, compile_flags.txt, WDK discovery, and flag sanitising.

Flags come from untrusted trees (pull requests analysed in CI), so anything that would load code
into the parser is dropped with a note, and only flags that affect parsing are kept.
"""
from __future__ import annotations

import json
import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path

BUNDLED_INCLUDE = Path(__file__).parent / "include"

BASE_ARGS = [
    "--target=x86_64-pc-windows-msvc",
    "-fms-extensions",
    "-fms-compatibility",
    "-ferror-limit=0",
    "-w",
    # These are errors by default in C99+ but only warnings in MSVC; keep their AST.
    "-Wno-error=implicit-function-declaration",
    "-Wno-error=int-conversion",
    "-Wno-error=incompatible-pointer-types",
    "-Wno-error=implicit-int",
    "-Wno-error=return-type",
    "-D_AMD64_",
    "-DAMD64",
    "-D_WIN64",
    "-D_KERNEL_MODE=1",
    "-D__FUNCTIONW__=L\"\"",      # an MSVC predefined macro clang lacks
]


class FlagsError(Exception):
    """A malformed compile database or unusable WDK path: the run exits 2."""


# Flags that load code into the compiler or run programs: never honoured.
_DANGEROUS_PREFIXES = ("-fplugin", "-fpass-plugin", "-load", "--load", "-Xclang", "-mllvm",
                       "-Xanalyzer", "-Xpreprocessor", "-Xlinker", "-Wl,", "-B", "--gcc-toolchain",
                       "-fmodules", "-fmodule-file", "-fprebuilt-module-path", "-fexperimental",
                       "--config", "-fsanitize-blacklist", "-fsanitize-ignorelist",
                       "-fprofile", "--driver-mode", "-cc1", "/clang:", "-clang:")
# Flags we keep (with their argument when separate).
_KEEP_WITH_ARG = {"-I", "-D", "-U", "-include", "-isystem", "-iquote", "-idirafter", "-imacros"}
_KEEP_PREFIX = ("-I", "-D", "-U", "-std=", "-isystem", "-iquote", "-idirafter", "-fms-compatibility-version=",
                "-fdeclspec", "-fno-ms-compatibility", "-fchar8_t", "-fno-char8_t")
# MSVC spellings (cl.exe / clang-cl compile databases).
_MSVC_WITH_ARG = {"/I": "-I", "/D": "-D", "/U": "-U", "/FI": "-include", "-FI": "-include"}


@dataclass
class FlagSet:
    args: list = field(default_factory=list)
    dropped: list = field(default_factory=list)   # flags dropped for safety


def sanitize(raw: list[str], directory: str | None = None) -> FlagSet:
    """Keep the parse-relevant flags of a compiler command line; drop everything else.

    Relative include paths are resolved against `directory` (the compile database entry's cwd).
    """
    out = FlagSet()
    i = 0
    n = len(raw)

    def resolve(p: str) -> str:
        if directory and not os.path.isabs(p):
            return os.path.normpath(os.path.join(directory, p))
        return p

    while i < n:
        a = raw[i]
        nxt = raw[i + 1] if i + 1 < n else None
        if a.startswith(_DANGEROUS_PREFIXES):
            out.dropped.append(a if a not in ("-Xclang", "-mllvm") or nxt is None else f"{a} {nxt}")
            i += 2 if a in ("-Xclang", "-mllvm", "-load", "-Xanalyzer", "-Xpreprocessor", "-Xlinker", "-B") else 1
            continue
        if a in _MSVC_WITH_ARG and nxt is not None:
            a, raw_arg = _MSVC_WITH_ARG[a], nxt
            i += 1
            out.args += [a, resolve(raw_arg) if a in ("-I", "-include") else raw_arg]
            i += 1
            continue
        if a[:2] in ("/I", "/D", "/U") and len(a) > 2:
            flag = "-" + a[1]
            val = a[2:]
            out.args.append(flag + (resolve(val) if flag == "-I" else val))
            i += 1
            continue
        if a in _KEEP_WITH_ARG and nxt is not None:
            val = resolve(nxt) if a in ("-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros") else nxt
            out.args += [a, val]
            i += 2
            continue
        if a.startswith(_KEEP_PREFIX):
            if a.startswith("-I") and len(a) > 2:
                a = "-I" + resolve(a[2:])
            elif a.startswith("-isystem") and len(a) > 8:
                a = "-isystem" + resolve(a[8:])
            out.args.append(a)
        i += 1
    return out


@dataclass
class CompileDB:
    """Per-file flags from compile_commands.json; `dir_flags` from compile_flags.txt files."""
    entries: dict = field(default_factory=dict)   # abs path -> FlagSet
    source: str = ""


def load_compile_db(build_dir: str) -> CompileDB:
    p = Path(build_dir)
    db_path = p if p.is_file() else p / "compile_commands.json"
    if not db_path.is_file():
        raise FlagsError(f"no compile_commands.json in {build_dir}")
    try:
        data = json.loads(db_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FlagsError(f"{db_path}: not a valid compile database: {e}") from None
    if not isinstance(data, list):
        raise FlagsError(f"{db_path}: expected a JSON array of entries, got {type(data).__name__}")
    db = CompileDB(source=str(db_path))
    for i, ent in enumerate(data):
        if not isinstance(ent, dict) or "file" not in ent or "directory" not in ent:
            raise FlagsError(f"{db_path}: entry {i} needs 'directory' and 'file'")
        if "arguments" in ent:
            args = ent["arguments"]
            if not isinstance(args, list) or not all(isinstance(x, str) for x in args):
                raise FlagsError(f"{db_path}: entry {i}: 'arguments' must be a list of strings")
        elif "command" in ent and isinstance(ent["command"], str):
            try:
                args = shlex.split(ent["command"], posix=not _looks_windows(ent["command"]))
            except ValueError as e:
                raise FlagsError(f"{db_path}: entry {i}: cannot split 'command': {e}") from None
        else:
            raise FlagsError(f"{db_path}: entry {i} needs 'arguments' or 'command'")
        directory = str(ent["directory"])
        f = str(ent["file"])
        full = os.path.normpath(f if os.path.isabs(f) else os.path.join(directory, f))
        db.entries[full] = sanitize(args[1:], directory)
    return db


def _looks_windows(cmd: str) -> bool:
    return "\\" in cmd and "/I" in cmd or cmd.lstrip('"').lower().startswith(("cl.exe", "cl ", "clang-cl"))


def compile_flags_txt(path: str) -> FlagSet | None:
    """Flags from the nearest compile_flags.txt above a source file (clangd's convention)."""
    d = Path(path).resolve().parent
    for parent in [d, *d.parents]:
        f = parent / "compile_flags.txt"
        if f.is_file():
            try:
                lines = [ln.strip() for ln in f.read_text(encoding="utf-8-sig").splitlines()]
            except (OSError, UnicodeDecodeError):
                return None
            return sanitize([ln for ln in lines if ln and not ln.startswith("#")], str(parent))
    return None


def find_wdk(explicit: str | None) -> list[str] | None:
    """Include directories of a real WDK, or None when none is found.

    `explicit` (from --wdk or WSKLINT_WDK) may name the kit root (`.../Windows Kits/10`), an
    `Include/<version>` directory, or a directory holding `km` and `shared`.
    """
    cand = explicit or os.environ.get("WSKLINT_WDK")
    roots = [cand] if cand else [
        r"C:\Program Files (x86)\Windows Kits\10",
        "/mnt/c/Program Files (x86)/Windows Kits/10",
    ]
    for root in roots:
        dirs = _wdk_dirs(Path(root))
        if dirs:
            return dirs
    if cand:
        raise FlagsError(f"--wdk/WSKLINT_WDK: no WDK headers (km/wdm.h) under {cand}")
    return None


def _wdk_dirs(root: Path) -> list[str] | None:
    if (root / "km" / "wdm.h").is_file():
        base = root
    else:
        inc = root / "Include" if (root / "Include").is_dir() else root
        if not inc.is_dir():
            return None
        versions = sorted((d for d in inc.iterdir() if (d / "km" / "wdm.h").is_file()), reverse=True)
        if not versions:
            return None
        base = versions[0]
    dirs = [base / "km", base / "km" / "crt", base / "shared", base / "um"]
    return [str(d) for d in dirs if d.is_dir()]
