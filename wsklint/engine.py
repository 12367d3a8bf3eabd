"""Runs a check: find sources, parse, build the program, run the enabled rules, post-process."""
from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import time
import traceback

from . import __version__
from .config import ConfigError, Settings, check_selectors, rule_matches, select_rules
from .frontend import SOURCE_SUFFIXES, Frontend
from .model import Loc
from .program import Program
from .result import Notification, RunResult
from .rules import ALL_RULES

_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".vs", "x64", "Debug", "Release", "ARM64"}


def collect_sources(paths: list[str], exclude: list[str]) -> tuple[list[str], list[Notification]]:
    """Source files under `paths` (directories searched for .c/.cpp), with notices for bad inputs."""
    files, notes = [], []
    for p in paths:
        if not os.path.exists(p):
            notes.append(Notification("error", f"{p}: no such file or directory", p, code="missing-path"))
            continue
        if os.path.isfile(p):
            if not _excluded(p, exclude):
                files.append(os.path.abspath(p))
            continue
        found = []
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                if f.lower().endswith(SOURCE_SUFFIXES) and not _excluded(full, exclude):
                    found.append(os.path.abspath(full))
        if not found:
            notes.append(Notification("warning", f"{p}: no C or C++ sources found", p, code="no-sources"))
        files.extend(found)
    seen, unique = set(), []
    for f in files:
        if f not in seen:
            seen.add(f)
            unique.append(f)
    return unique, notes


def _excluded(path: str, patterns: list[str]) -> bool:
    rel = os.path.relpath(path)
    return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(os.path.basename(path), pat) for pat in patterns)


def source_root(files: list[str], explicit: str | None) -> str:
    if explicit:
        return os.path.abspath(explicit)
    cwd = os.getcwd()
    if files and all(os.path.abspath(f).startswith(os.path.join(cwd, "")) for f in files):
        return cwd
    if not files:
        return cwd
    common = os.path.commonpath([os.path.dirname(f) for f in files])
    return common


def driver_units(files: list[str], patterns: list[str], base: str) -> list[list[str]]:
    """Group files into drivers: each file or folder matching a pattern (relative to `base`) is one
    driver; the remaining files form one more. Without patterns, all files are one driver."""
    if not patterns:
        return [files] if files else []
    units: dict[str, list[str]] = {}
    rest = []
    for f in files:
        try:
            parts = os.path.relpath(f, base).replace(os.sep, "/").split("/")
        except ValueError:
            parts = [f]
        unit = None
        if parts[0] != "..":
            for k in range(1, len(parts) + 1):
                prefix = parts[:k]
                if any(_glob_parts(prefix, pat.strip("/").split("/")) for pat in patterns):
                    unit = "/".join(prefix)
                    break
        if unit is None:
            rest.append(f)
        else:
            units.setdefault(unit, []).append(f)
    out = list(units.values())
    if rest:
        out.append(rest)
    return out


def _glob_parts(parts, pat) -> bool:
    return len(parts) == len(pat) and all(fnmatch.fnmatchcase(a, b) for a, b in zip(parts, pat))


class Engine:
    def __init__(self, settings: Settings, frontend: Frontend | None = None):
        self.settings = settings
        where = settings.config_file or "--select/--ignore"
        self.rules = select_rules(ALL_RULES, settings.select, settings.ignore, where)
        for glob, sels in settings.per_file_ignores.items():
            check_selectors(ALL_RULES, sels, f"{where}: per-file-ignores '{glob}'")
        codes = {r.code for r in ALL_RULES}
        for code in settings.severity:
            if code not in codes:
                raise ConfigError(f"{where}: severity for unknown rule code '{code}'")
        self.frontend = frontend or Frontend(settings.frontend)

    def run(self, paths: list[str], progress=None, models: dict | None = None) -> RunResult:
        t0 = time.perf_counter()
        files, notes = collect_sources(paths, self.settings.exclude)
        root = source_root(files, self.settings.root)
        result = RunResult(root=root, tool_version=__version__,
                           rules=[r.info(self.settings.docs_url) for r in self.rules])
        result.notifications.extend(notes)
        for n in self.frontend.notes:
            result.notifications.append(Notification("warning", n.message, n.file, n.line, n.code))
        if models is None:
            models, failures = self.frontend.parse(files, progress)
        else:
            failures = []
        for f in failures:
            result.notifications.append(Notification("error", f"{_rel(f.path, root)}: {f.reason}", f.path,
                                                     code=f"parse-{f.kind}"))
        ordered = [models[f] for f in files if f in models]
        for m in ordered:
            for n in m.notes:
                level = "warning" if n.code == "dropped-flag" else n.level
                result.notifications.append(Notification(level, n.message, n.file or m.path, n.line, n.code))
        result.files = [m.path for m in ordered]
        t1 = time.perf_counter()
        base = self.settings.config_dir or os.getcwd()
        for unit in driver_units([m.path for m in ordered], self.settings.drivers, base):
            self._check_unit(Program([models[f] for f in unit]), result)
        self._dedupe_and_fingerprint(result)
        result.diagnostics.sort(key=lambda d: (d.loc.file, d.loc.line, d.loc.col, d.code))
        result.stats = {"parse_seconds": sum(m.parse_seconds for m in ordered),
                        "frontend_seconds": t1 - t0, "analysis_seconds": time.perf_counter() - t1,
                        "total_seconds": time.perf_counter() - t0, "files": len(ordered),
                        "functions": sum(len(m.functions) for m in ordered)}
        return result

    def _check_unit(self, program: Program, result: RunResult):
        for rule_cls in self.rules:
            rule = rule_cls(program)
            try:
                found = list(rule.check(program))
            except Exception as e:   # one broken rule must not lose the others' findings
                tb = traceback.format_exc(limit=4).strip().splitlines()
                result.notifications.append(Notification(
                    "error", f"rule {rule_cls.code} failed: {type(e).__name__}: {e} ({tb[-3].strip() if len(tb) > 2 else ''})",
                    code="rule-error"))
                continue
            for d in found:
                if self._in_provider_code(program, d) or self._ignored_for_file(rule_cls, d.loc.file):
                    continue
                if rule_cls.code in self.settings.severity:
                    d.severity = self.settings.severity[rule_cls.code]
                result.diagnostics.append(d)

    def _ignored_for_file(self, rule_cls, path: str) -> bool:
        if not self.settings.per_file_ignores:
            return False
        base = self.settings.config_dir or os.getcwd()
        rel = os.path.relpath(path, base).replace(os.sep, "/")
        return any((fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(os.path.basename(path), g))
                   and rule_matches(rule_cls, sels) for g, sels in self.settings.per_file_ignores.items())

    @staticmethod
    def _in_provider_code(program: Program, d) -> bool:
        prov = program.provider_functions
        if not prov:
            return False
        for fn in program.by_name.get(d.function, ()):
            if fn.key in prov and fn.file == d.loc.file:
                return True
        return False

    def _dedupe_and_fingerprint(self, result: RunResult):
        seen = set()
        unique = []
        counts: dict[str, int] = {}
        for d in result.diagnostics:
            k = (d.code, d.loc.file, d.loc.line, d.loc.col, d.message)
            if k in seen:
                continue
            seen.add(k)
            base = fingerprint(d, result.root)
            n = counts.get(base, 0)
            counts[base] = n + 1
            d.fingerprint = base if n == 0 else f"{base}:{n}"
            unique.append(d)
        result.diagnostics = unique

    def close(self):
        self.frontend.close()


_NUMS = re.compile(r"(?::\d+)+|\bline \d+\b")


def fingerprint(d, root: str) -> str:
    """Stable under unrelated edits: rule, file, function and the statements involved, no line numbers."""
    anchor = d.anchor or _NUMS.sub("", d.message)
    anchor = " ".join(anchor.split())
    h = hashlib.sha256("\0".join([d.code, _rel(d.loc.file, root), d.function, anchor]).encode())
    return h.hexdigest()[:32]


def _rel(path: str, root: str) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


__all__ = ["Engine", "collect_sources", "fingerprint", "Loc"]
