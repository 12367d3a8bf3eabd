"""The front end: the only package that imports libclang.

`Frontend(options).parse(paths)` turns source files into FileModels, in worker processes, with an
on-disk cache keyed by file content, flags and the tool version.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..model import MODEL_VERSION, FileModel, Note
from .flags import BASE_ARGS, BUNDLED_INCLUDE, FlagsError, compile_flags_txt, find_wdk, load_compile_db, sanitize
from .pool import ParseFailure, ParseJob, ParsePool, run_job

__all__ = ["Frontend", "FrontendOptions", "FlagsError", "ParseFailure", "SOURCE_SUFFIXES", "includes_fresh"]

SOURCE_SUFFIXES = (".c", ".cpp", ".cc", ".cxx")
CPP_SUFFIXES = (".cpp", ".cc", ".cxx", ".hpp", ".hh", ".hxx")


@dataclass
class FrontendOptions:
    include_dirs: list = field(default_factory=list)
    defines: list = field(default_factory=list)
    extra_args: list = field(default_factory=list)
    compile_db: str | None = None
    wdk: str | None = None
    jobs: int = 0              # 0: one worker per core; -1: parse in this process (no isolation)
    timeout: float = 120.0
    cache_dir: str | None = None
    use_cache: bool = True


def default_cache_dir() -> str:
    base = os.environ.get("WSKLINT_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "wsklint")


def _size(job: ParseJob) -> int:
    if job.text is not None:
        return len(job.text)
    try:
        return os.path.getsize(job.path)
    except OSError:
        return 0


@contextmanager
def _no_cyclic_gc(when: bool = True):
    """Models are trees of many small objects without reference cycles: the cyclic collector, run
    again and again while they are unpickled, only costs time (four fifths of loading a cache)."""
    collecting = when and gc.isenabled()
    if collecting:
        gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _bundled_digest() -> str:
    h = hashlib.sha256()
    for p in sorted(BUNDLED_INCLUDE.glob("*.h")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def includes_fresh(model: FileModel) -> bool:
    """True when no header the model was parsed with has changed since."""
    for name, mtime, size in model.includes:
        try:
            st = os.stat(name)
        except OSError:
            return False
        if st.st_mtime_ns != mtime or st.st_size != size:
            return False
    return True


class Frontend:
    def __init__(self, opts: FrontendOptions):
        self.opts = opts
        self.notes: list[Note] = []
        self.wdk_dirs = find_wdk(opts.wdk)          # raises FlagsError for an unusable --wdk
        self.db = load_compile_db(opts.compile_db) if opts.compile_db else None
        cli = sanitize(list(opts.extra_args))
        for f in cli.dropped:
            self.notes.append(Note("dropped-flag", f"flag '{f}' dropped: it could load code into the parser", ""))
        self.user_args = [a for d in opts.include_dirs for a in ("-I", d)] + \
                         [a for d in opts.defines for a in ("-D", d)] + cli.args
        self._digest = None
        self._pool: ParsePool | None = None

    @property
    def system_dirs(self) -> list[str]:
        return [str(BUNDLED_INCLUDE)] + (self.wdk_dirs or [])

    def job_for(self, path: str) -> ParseJob:
        path = os.path.abspath(path)
        lang = "c++" if path.lower().endswith(CPP_SUFFIXES) else "c"
        notes = []
        file_flags = None
        if self.db is not None:
            file_flags = self.db.entries.get(os.path.normpath(path))
        if file_flags is None:
            file_flags = compile_flags_txt(path)
        args = list(BASE_ARGS) + ["-x", lang, "-nostdinc"]
        if lang == "c++":
            args += ["-nostdinc++", "-std=c++17"]
        if self.wdk_dirs:
            for d in self.wdk_dirs:
                args += ["-isystem", d]
            args += ["-idirafter", str(BUNDLED_INCLUDE)]
        else:
            args += ["-isystem", str(BUNDLED_INCLUDE)]
        if file_flags is not None:
            args += file_flags.args
            for f in file_flags.dropped:
                notes.append(Note("dropped-flag", f"flag '{f}' dropped: it could load code into the parser", path))
        args += self.user_args
        return ParseJob(path=path, args=args, lang=lang, system_dirs=self.system_dirs, notes=notes)

    # -- cache ----------------------------------------------------------------------------------
    def _key(self, job: ParseJob, data: bytes) -> str:
        if self._digest is None:
            self._digest = _bundled_digest()
        h = hashlib.sha256()
        for part in (__version__, str(MODEL_VERSION), self._digest, job.path, job.lang, "\0".join(job.args),
                     job.search_root or ""):
            h.update(part.encode())
            h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _cache_get(self, key: str) -> FileModel | None:
        p = Path(self.opts.cache_dir or default_cache_dir()) / key[:2] / f"{key}.pickle"
        try:
            with open(p, "rb") as f:
                model = pickle.load(f)
        except Exception:
            return None
        return model if includes_fresh(model) else None

    def _cache_put(self, key: str, model: FileModel):
        d = Path(self.opts.cache_dir or default_cache_dir()) / key[:2]
        tmp = d / f".{key}.{os.getpid()}.tmp"
        try:
            d.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump(model, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, d / f"{key}.pickle")
        except (OSError, RecursionError):
            # a read-only or full cache directory, or expressions nested too deep to pickle on this
            # thread's stack, must not fail the run: the file is parsed again next time
            try:
                tmp.unlink()
            except OSError:
                pass

    # -- parsing --------------------------------------------------------------------------------
    def parse(self, paths: list[str], progress=None, root: str | None = None,
              texts: dict | None = None) -> tuple[dict, list]:
        """Parse `paths`; returns ({path: FileModel}, [ParseFailure]). `progress(done, total)` is optional.
        Headers missing from the include path are looked for below `root` (default: the folder that
        holds all of `paths`).

        `texts` maps a path to the content to parse instead of the file's (bytes or str, e.g. an
        editor's unsaved buffer); the path still decides flags, language and relative includes. Such
        content is looked up in the cache but not written to it."""
        if root is None and paths:
            root = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
        models: dict[str, FileModel] = {}
        failures: list[ParseFailure] = []
        todo: list[tuple[ParseJob, str | None]] = []
        texts = {os.path.abspath(p): (t.encode("utf-8") if isinstance(t, str) else t)
                 for p, t in (texts or {}).items()}
        with _no_cyclic_gc():
            self._load_cached(paths, root, texts, models, todo)
        total = len(paths)
        done = total - len(todo)
        keys = {job.path: key for job, key in todo}
        jobs = [job for job, _ in todo]
        if self.opts.jobs == -1:
            results = ((job, run_job(job)) for job in jobs)
        else:
            # largest first, so that no big file starts last while the other workers sit idle
            results = self.pool.map(sorted(jobs, key=_size, reverse=True)) if jobs else iter(())
        with _no_cyclic_gc(self.opts.jobs != -1):    # this process only unpickles and pickles models
            for job, res in results:
                done += 1
                if progress:
                    progress(done, total)
                if isinstance(res, ParseFailure):
                    failures.append(res)
                else:
                    models[job.path] = res
                    if keys.get(job.path) and job.text is None:    # an editor buffer changes at every keystroke
                        self._cache_put(keys[job.path], res)
        return models, failures

    def _load_cached(self, paths, root, texts, models, todo):
        for p in paths:
            job = self.job_for(p)
            job.search_root = root
            job.text = texts.get(job.path)
            key = None
            if self.opts.use_cache:
                if job.text is not None:
                    key = self._key(job, job.text)
                else:
                    try:
                        with open(job.path, "rb") as f:
                            key = self._key(job, f.read())
                    except OSError:
                        key = None
                cached = self._cache_get(key) if key else None
                if cached is not None:
                    models[job.path] = cached
                    continue
            todo.append((job, key))

    @property
    def pool(self) -> ParsePool:
        if self._pool is None:
            self._pool = ParsePool(self.opts.jobs, self.opts.timeout)
        return self._pool

    def close(self):
        if self._pool is not None:
            self._pool.close()
            self._pool = None
