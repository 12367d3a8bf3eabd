"""What the language server analyses: a file together with the other files of its driver.

A file's driver context is, in order: the folder its configuration's `drivers` patterns give it, the
files of the compile database, or the C/C++ sources of its own directory. Models are kept in memory
between checks, keyed by the text (open documents) or the file's size and time (the rest), so an
edit re-parses only the edited file; the front end's disk cache serves a restart.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field

from ..cli import load_settings
from ..config import ConfigError, Settings
from ..engine import Engine, _excluded, collect_sources, driver_units, project_root, source_root
from ..frontend import SOURCE_SUFFIXES, FlagsError, ParseFailure, includes_fresh
from ..result import RunResult


@dataclass
class ClientSettings:
    """The editor's settings (`wsklint.*`), applied on top of the configuration file."""
    select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    wdk: str = ""
    config: str = ""
    compile_commands: str = ""

    @classmethod
    def from_dict(cls, d) -> "ClientSettings":
        d = d if isinstance(d, dict) else {}

        def strs(key):
            v = d.get(key) or []
            if isinstance(v, str):
                v = [v]
            return [x for x in v if isinstance(x, str) and x.strip()] if isinstance(v, list) else []

        def one(key):
            v = d.get(key)
            return v.strip() if isinstance(v, str) else ""
        return cls(select=strs("select"), ignore=strs("ignore"), flags=strs("flags"), wdk=one("wdk"),
                   config=one("config"), compile_commands=one("compileCommands"))


@dataclass
class Check:
    """The outcome of checking one file: the run over its driver, the files it covered, and the
    files that could not be parsed ([ParseFailure])."""
    result: RunResult
    unit: list
    failures: list = field(default_factory=list)
    seconds: float = 0.0        # parsing what changed plus the analysis
    parsed: int = 0             # files parsed (the rest came from memory)


class ConfigurationError(Exception):
    pass


class _Context:
    """One configuration: its engine (front end with a parser process) and the models it parsed."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.engine = Engine(settings)
        self.models: dict = {}          # path -> (stamp, FileModel)
        self.listing: list | None = None

    def close(self):
        self.engine.close()


class Analyzer:
    """`jobs` as for the front end: 1 parses in a parser process, -1 in this process (the language
    server runs the whole Analyzer in a process of its own, see worker.py)."""

    def __init__(self, client: ClientSettings | None = None, jobs: int = 1):
        self.client = client or ClientSettings()
        self.jobs = jobs
        self.contexts: dict = {}        # configuration file (or '') -> _Context

    def configure(self, client: ClientSettings):
        self.client = client
        self.close()

    def close(self):
        for ctx in self.contexts.values():
            ctx.close()
        self.contexts = {}

    @staticmethod
    def handles(path: str) -> bool:
        return path.lower().endswith(SOURCE_SUFFIXES)

    def settings_for(self, path: str) -> Settings:
        c = self.client
        try:
            s = load_settings(c.config or None, False, [path], c.select, c.ignore, None,
                              c.compile_commands or None, c.wdk or None, (), (), self.jobs, None, False)
        except (ConfigError, FlagsError) as e:
            raise ConfigurationError(str(e)) from None
        s.frontend.extra_args = s.frontend.extra_args + list(c.flags)
        return s

    def context(self, path: str) -> _Context:
        s = self.settings_for(path)
        key = s.config_file or ""
        ctx = self.contexts.get(key)
        if ctx is None:
            try:
                ctx = _Context(s)
            except (ConfigError, FlagsError) as e:
                raise ConfigurationError(str(e)) from None
            self.contexts[key] = ctx
        return ctx

    def files_changed(self):
        """Files were created or deleted: driver listings are stale."""
        for ctx in self.contexts.values():
            ctx.listing = None

    def unit_for(self, ctx: _Context, path: str) -> list:
        s, root = ctx.settings, ctx.engine.base
        if _excluded(path, s.exclude, root):
            return []
        if s.drivers:
            base = s.config_dir or os.path.dirname(path)
            if ctx.listing is None or path not in ctx.listing:
                ctx.listing, _ = collect_sources([base], s.exclude, root)
            files = ctx.listing if path in ctx.listing else ctx.listing + [path]
            for unit in driver_units(files, s.drivers, base):
                if path in unit:
                    return unit
        db = ctx.engine.frontend.db
        if db is not None and os.path.normpath(path) in db.entries:
            return sorted({f for f in db.entries if os.path.isfile(f)} | {path})
        d = os.path.dirname(path)
        try:
            names = sorted(os.listdir(d))
        except OSError:
            names = []
        files = [os.path.join(d, n) for n in names if self.handles(n) and os.path.isfile(os.path.join(d, n))]
        files = [f for f in files if not _excluded(f, s.exclude, root)]
        return files if path in files else files + [path]

    def check(self, path: str, texts: dict, avoid=frozenset(), on_parse=None) -> Check:
        """Analyse `path` with its driver. `texts`: {path: text} of the open documents (unsaved content).

        `avoid`: (path, stamp) pairs known to crash the parser, reported instead of parsed;
        `on_parse(path, stamp)` is called before each file is parsed."""
        path = os.path.abspath(path)
        ctx = self.context(path)
        unit = self.unit_for(ctx, path)
        t0 = time.perf_counter()
        models, need, failures = {}, [], []
        for f in unit:
            stamp = _stamp(f, texts)
            hit = ctx.models.get(f)
            if hit is not None and hit[0] == stamp and stamp is not None and \
                    (isinstance(hit[1], ParseFailure) or includes_fresh(hit[1])):
                if isinstance(hit[1], ParseFailure):
                    failures.append(hit[1])     # not parsed again on every keystroke while unchanged
                else:
                    models[f] = hit[1]
            elif (f, stamp) in avoid:
                failures.append(ParseFailure(f, "the parser crashed on this content; it is parsed again when "
                                                "the file changes", "crash"))
            else:
                need.append((f, stamp))
        parsed, failed = {}, []
        root = project_root(source_root(unit, ctx.settings.root))      # where a run over the driver looks
        for f, stamp in need:
            if on_parse is not None:
                on_parse(f, stamp)
            got, bad = ctx.engine.frontend.parse([f], root=root, texts={f: texts[f]} if f in texts else None)
            parsed.update(got)
            failed += bad
        failed_by_path = {x.path: x for x in failed}
        for f, stamp in need:
            if f in parsed:
                models[f] = parsed[f]
                ctx.models[f] = (stamp, parsed[f])
            elif f in failed_by_path:
                failures.append(failed_by_path[f])
                ctx.models[f] = (stamp, failed_by_path[f])
        for f in list(ctx.models):
            if f not in unit and f not in texts and not os.path.exists(f):
                del ctx.models[f]
        result = ctx.engine.run(unit, models=models, texts={f: texts[f] for f in unit if f in texts})
        return Check(result, unit, failures, time.perf_counter() - t0, len(need))


def _stamp(path: str, texts: dict):
    if path in texts:
        return ("text", hashlib.sha1(texts[path].encode("utf-8", errors="surrogatepass")).hexdigest())
    try:
        st = os.stat(path)
    except OSError:
        return None
    return ("disk", st.st_mtime_ns, st.st_size)

