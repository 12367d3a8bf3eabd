"""Runs a check: find sources, parse, build the program, run the enabled rules, post-process."""
from __future__ import annotations

import fnmatch
import gc
import hashlib
import os
import re
import time
import traceback

from . import __version__
from .baseline import apply_baseline, load_baseline
from .config import Settings, all_rules, check_selectors, rule_matches, rule_named, select_rules, severity_for
from .frontend import SOURCE_SUFFIXES, Frontend
from .program import Program
from .result import Notification, RunResult, key_path, rel_path
from .rules import ALL_RULES
from .stack import with_deep_stack
from .suppress import Suppressions
from .suppress import _read as read_source

_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".vs", "x64", "Debug", "Release", "ARM64"}


def collect_sources(paths: list[str], exclude: list[str], base: str | None = None) -> tuple[list[str], list[Notification]]:
    """Source files under `paths` (directories searched for .c/.cpp), with notices for bad inputs.
    `exclude` globs match paths relative to `base` (the configuration's folder; default: the current one)."""
    files, notes = [], []
    for p in paths:
        if not os.path.exists(p):
            notes.append(Notification("error", f"{p}: no such file or directory", p, code="missing-path"))
            continue
        if os.path.isfile(p):
            if not _excluded(p, exclude, base):
                files.append(os.path.abspath(p))
            continue
        found = []
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                if f.lower().endswith(SOURCE_SUFFIXES) and not _excluded(full, exclude, base):
                    found.append(os.path.abspath(full))
        if not found:
            notes.append(Notification("warning", f"{p}: no C or C++ sources found", p, code="no-sources"))
        files.extend(found)
    return list(dict.fromkeys(files)), notes


def _excluded(path: str, patterns: list[str], base: str | None = None) -> bool:
    """A pattern matches the path relative to `base`, one of its parent folders, or the file name."""
    if not patterns:
        return False
    rel = key_path(os.path.abspath(path), base or os.getcwd())
    parts = rel.split("/")
    cands = ["/".join(parts[:k]) for k in range(1, len(parts) + 1)] + [parts[-1]]
    return any(fnmatch.fnmatch(c, pat.rstrip("/")) for pat in patterns for c in cands)


def source_root(files: list[str], explicit: str | None) -> str:
    if explicit:
        return os.path.abspath(explicit)
    cwd = os.getcwd()
    if not files or all(os.path.abspath(f).startswith(os.path.join(cwd, "")) for f in files):
        return cwd
    return os.path.commonpath([os.path.dirname(f) for f in files])


def driver_units(files: list[str], patterns: list[str], base: str) -> list[list[str]]:
    """Group files into drivers: each file or folder matching a pattern (relative to `base`) is one
    driver; the remaining files form one more. Without patterns, all files are one driver."""
    if not patterns:
        return [files] if files else []
    units: dict[str, list[str]] = {}
    rest = []
    for f in files:
        unit = driver_of(f, patterns, base)
        if unit is None:
            rest.append(f)
        else:
            units.setdefault(unit, []).append(f)
    out = list(units.values())
    if rest:
        out.append(rest)
    return out


def driver_of(path: str, patterns: list[str], base: str) -> str | None:
    """The file or folder (absolute) matching one of the `drivers` patterns that `path` lies in."""
    try:
        parts = os.path.relpath(path, base).replace(os.sep, "/").split("/")
    except ValueError:
        return None
    if parts[0] == "..":
        return None
    for k in range(1, len(parts) + 1):
        prefix = parts[:k]
        if any(_glob_parts(prefix, pat.strip("/").split("/")) for pat in patterns):
            return os.path.join(base, *prefix)
    return None


def _glob_parts(parts, pat) -> bool:
    return len(parts) == len(pat) and all(fnmatch.fnmatchcase(a, b) for a, b in zip(parts, pat))


def project_root(root: str) -> str:
    """The enclosing repository (a folder with .git) of the source root, else the source root: the
    tree in which missing headers may be looked for."""
    d = os.path.abspath(root)
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return os.path.abspath(root)
        d = parent


class Engine:
    def __init__(self, settings: Settings, frontend: Frontend | None = None):
        self.settings = settings
        where = "--select/--ignore"
        enabled = select_rules(all_rules(), settings.select, settings.ignore, where)
        for glob, sels in settings.per_file_ignores.items():
            check_selectors(all_rules(), sels, f"per-file-ignores '{glob}'")
        self.rules = [r for r in enabled if not getattr(r, "meta", False)]
        self.meta_rules = [r for r in enabled if getattr(r, "meta", False)]
        self.baseline = load_baseline(settings.baseline) if settings.baseline else None
        self.frontend = frontend or Frontend(settings.frontend)

    @property
    def base(self) -> str:
        """Where configured globs (exclude, drivers, per-file-ignores) are relative to."""
        return self.settings.config_dir or os.getcwd()

    def run(self, paths: list[str], progress=None, models: dict | None = None, only: list[str] | None = None,
            each_path_a_driver: bool = False, texts: dict | None = None) -> RunResult:
        """Check the driver(s) formed by `paths`. `only`: report findings in these files alone (the rest
        of their drivers is still analysed). `each_path_a_driver`: without a `drivers` setting, each path
        is its own driver instead of all of them forming one. `texts`: {path: str} content that differs
        from the disk (an editor's buffers; `models` were parsed from it), read for suppressions."""
        t0 = time.perf_counter()
        files, notes = collect_sources(paths, self.settings.exclude, self.base)
        root = source_root(files, self.settings.root)
        result = RunResult(root=root, tool_version=__version__, project_root=self.settings.config_dir or root,
                           rules=[r.info(self.settings.docs_url) for r in self.rules + self.meta_rules])
        result.notifications.extend(notes)
        for n in self.frontend.notes:
            result.notifications.append(Notification("warning", n.message, n.file, n.line, n.code))
        if models is None:
            models, failures = self.frontend.parse(files, progress, project_root(root))
        else:
            failures = []
        for f in failures:
            result.notifications.append(Notification("error", f"{rel_path(f.path, root)}: {f.reason}", f.path,
                                                     code=f"parse-{f.kind}"))
        ordered = [models[f] for f in files if f in models]
        for m in ordered:
            for n in m.notes:
                level = "warning" if n.code == "dropped-flag" else n.level
                result.notifications.append(Notification(level, n.message, n.file or m.path, n.line, n.code))
        result.files = [m.path for m in ordered]
        t1 = time.perf_counter()
        if each_path_a_driver and not self.settings.drivers:
            units = _units_per_path(result.files, paths)
        else:
            units = driver_units(result.files, self.settings.drivers, self.base)
        crashed: set[str] = set()
        # The models live as long as the run and hold no reference cycles: keep the cyclic collector
        # from walking them again and again while the analyses allocate (a quarter of their time).
        gc.freeze()
        try:
            with_deep_stack(lambda: [self._check_unit(Program([models[f] for f in unit]), result, crashed)
                                      for unit in units])
        finally:
            gc.unfreeze()
        self._post_process(result, crashed, texts or {})
        if only is not None:
            keep = {os.path.abspath(f) for f in only}
            result.diagnostics = [d for d in result.diagnostics if os.path.abspath(d.loc.file) in keep]
        result.stats = {"parse_seconds": sum(m.parse_seconds for m in ordered),
                        "frontend_seconds": t1 - t0, "analysis_seconds": time.perf_counter() - t1,
                        "total_seconds": time.perf_counter() - t0, "files": len(ordered),
                        "functions": sum(len(m.functions) for m in ordered)}
        return result

    def _check_unit(self, program: Program, result: RunResult, crashed: set):
        for rule_cls in self.rules:
            rule = rule_cls(program)
            try:
                found = list(rule.check(program))
            except Exception as e:   # one broken rule must not lose the others' findings
                crashed.add(rule_cls.code)
                tb = traceback.format_exc(limit=4).strip().splitlines()
                result.notifications.append(Notification(
                    "error", f"rule {rule_cls.code} failed: {type(e).__name__}: {e} ({tb[-3].strip() if len(tb) > 2 else ''})",
                    code="rule-error"))
                continue
            for d in found:
                if self._in_provider_code(program, d) or self._ignored_for_file(rule_cls, d.loc.file):
                    continue
                result.diagnostics.append(d)

    def _post_process(self, result: RunResult, crashed: set, texts: dict):
        """Severity overrides, duplicates, inline suppressions and their meta findings, fingerprints,
        the baseline."""
        by_code = {r.code: r for r in self.rules + self.meta_rules}
        sup = Suppressions(_resolve, read=lambda p: texts[p].encode("utf-8") if p in texts else read_source(p))
        sup.apply(result.diagnostics)
        ran = {r.code for r in self.rules} - crashed

        def enabled(code, path):
            return code in ran and not self._ignored_for_file(by_code[code], path)

        for m in sup.problems(result.files, enabled):
            rule_cls = by_code.get(m.code)
            if rule_cls is not None and not self._ignored_for_file(rule_cls, m.loc.file):
                result.diagnostics.append(rule_cls().report(m.loc, m.message, anchor=m.anchor))
        for d in result.diagnostics:
            sev = severity_for(by_code[d.code], self.settings.severity) if d.code in by_code else None
            if sev:
                d.severity = sev
        result.diagnostics.sort(key=lambda d: (d.loc.file, d.loc.line, d.loc.col, d.code, d.message))
        self._dedupe_and_fingerprint(result)
        if self.baseline is not None:
            apply_baseline(result, self.baseline)

    def _ignored_for_file(self, rule_cls, path: str) -> bool:
        if not self.settings.per_file_ignores:
            return False
        rel = key_path(path, self.base)
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
            base = fingerprint(d, result.project_root or result.root)
            n = counts.get(base, 0)
            counts[base] = n + 1
            d.fingerprint = base if n == 0 else f"{base}:{n}"
            unique.append(d)
        result.diagnostics = unique

    def close(self):
        self.frontend.close()


def _resolve(word: str) -> str | None:
    """The catalog rule a suppression names by code or name (meta codes cannot be suppressed inline)."""
    rule = rule_named(word, ALL_RULES)
    return rule.code if rule else None


def _units_per_path(files: list[str], paths: list[str]) -> list[list[str]]:
    units, taken = [], set()
    for p in paths:
        top = os.path.abspath(p)
        unit = [f for f in files if f not in taken and (f == top or f.startswith(os.path.join(top, "")))]
        taken.update(unit)
        if unit:
            units.append(unit)
    return units


_NUMS = re.compile(r"(?::\d+)+|\bline \d+\b")


def fingerprint(d, root: str) -> str:
    """Stable under unrelated edits: rule, file, function and the statements involved, no line numbers."""
    anchor = d.anchor or _NUMS.sub("", d.message)
    anchor = " ".join(anchor.split())
    h = hashlib.sha256("\0".join([d.code, key_path(d.loc.file, root), d.function, anchor]).encode())
    return h.hexdigest()[:32]


__all__ = ["Engine", "collect_sources", "fingerprint"]
