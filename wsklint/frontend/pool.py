"""Parse files in worker processes, so a libclang crash or hang costs one file, not the run."""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from ..stack import with_deep_stack


@dataclass
class ParseJob:
    path: str
    args: list            # full clang argument list (sanitised)
    lang: str             # c | c++
    system_dirs: list = field(default_factory=list)   # header dirs that are not the project's
    notes: list = field(default_factory=list)         # notes from flag handling, carried into the model
    search_root: str | None = None                    # missing headers may be looked for below this
    text: bytes | None = None     # the file's content when it differs from the disk (an editor buffer)


@dataclass
class ParseFailure:
    path: str
    reason: str
    kind: str = "error"      # error | timeout | crash | input


def run_job(job: ParseJob):
    """Parse in this process; returns a FileModel or a ParseFailure."""
    # libclang is loaded by the first parse, not on import: commands that parse nothing (`wsklint
    # rules`, `--help`, a run served wholly from the model cache) never pay for it
    from .parse import InputError, parse_file

    inject = os.environ.get("WSKLINT_FAULT_INJECT", "")   # test hook: "crash:<name>" or "hang:<name>"
    if inject:
        what, _, needle = inject.partition(":")
        if needle and needle in os.path.basename(job.path):
            if what == "crash":
                os.abort()
            if what == "hang":
                time.sleep(3600)
    try:
        return with_deep_stack(lambda: parse_file(job))
    except InputError as e:
        return ParseFailure(job.path, str(e), "input")
    except Exception as e:   # a front-end bug must cost one file, never the run
        tb = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return ParseFailure(job.path, f"internal error while parsing: {type(e).__name__}: {e} ({tb})", "error")


def _worker(conn):
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        res = run_job(job)
        # pickling recurses as deep as the model's expressions nest
        conn.send_bytes(with_deep_stack(lambda: pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL)))


class ParsePool:
    """A small pool of persistent parser processes with a per-file time limit."""

    def __init__(self, jobs: int = 0, timeout: float = 120.0):
        self.size = max(1, jobs or os.cpu_count() or 1)
        self.timeout = timeout
        self.ctx = mp.get_context("spawn")
        self.workers: list = []

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        p = self.ctx.Process(target=_worker, args=(child,), daemon=True)
        p.start()
        child.close()
        return [p, parent, None, 0.0]    # process, conn, current job, deadline

    def map(self, jobs: list[ParseJob]):
        """Yield (job, FileModel | ParseFailure) as results arrive."""
        pending = list(reversed(jobs))
        want = min(self.size, len(jobs))
        while len(self.workers) < want:
            self.workers.append(self._spawn())
        busy = 0
        while pending or busy:
            for w in self.workers:
                if w[2] is None and pending:
                    job = pending.pop()
                    try:
                        w[1].send(job)
                    except (OSError, BrokenPipeError):
                        self._replace(w)
                        w[1].send(job)
                    w[2], w[3] = job, time.monotonic() + self.timeout
                    busy += 1
            conns = [w[1] for w in self.workers if w[2] is not None]
            now = time.monotonic()
            next_deadline = min(w[3] for w in self.workers if w[2] is not None)
            ready = wait(conns, timeout=max(0.0, next_deadline - now))
            for w in self.workers:
                if w[2] is None:
                    continue
                if w[1] in ready:
                    job = w[2]
                    try:
                        res = w[1].recv()
                    except (EOFError, OSError):
                        code = w[0].exitcode if not w[0].is_alive() else None
                        w[0].join(1)
                        code = w[0].exitcode if code is None else code
                        res = ParseFailure(job.path, f"the parser crashed (exit code {code}); file skipped", "crash")
                        self._replace(w)
                    w[2] = None
                    busy -= 1
                    yield job, res
                elif time.monotonic() >= w[3]:
                    job = w[2]
                    self._replace(w)
                    w[2] = None
                    busy -= 1
                    yield job, ParseFailure(job.path, f"parsing took longer than {self.timeout:g} s; file skipped",
                                            "timeout")

    def _replace(self, w):
        try:
            w[0].kill()
            w[0].join(5)
        except Exception:
            pass
        fresh = self._spawn()
        w[0], w[1] = fresh[0], fresh[1]

    def close(self):
        for w in self.workers:
            try:
                w[1].send(None)
            except Exception:
                pass
        for w in self.workers:
            w[0].join(2)
            if w[0].is_alive():
                w[0].kill()
        self.workers = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
