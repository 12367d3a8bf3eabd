"""The language server's analysis process: parses and analyses in a process of its own.

The models of a driver stay in that process between edits, and only the rendered diagnostics (small)
come back: a 3,000-line file's model takes longer to pickle across a pipe than to analyse. A crash
or hang of libclang ends that process, not the server: the server names the file that was being
parsed, never parses that content again, and starts a fresh process for the next check.
"""
from __future__ import annotations

import multiprocessing as mp
import time
import traceback

from ..output.lsp import SOURCE, render_diagnostics
from .analyzer import Analyzer, ClientSettings, ConfigurationError


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def failure_diagnostic(message: str) -> dict:
    return {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "severity": 3, "source": SOURCE, "message": f"wsklint could not analyse this file: {message}"}


def _handle(analyzer: Analyzer, req: dict, conn) -> dict:
    from pygls.uris import from_fs_path

    if req["files_changed"]:
        analyzer.files_changed()
    uris = req["uris"]
    texts = req["texts"]
    check = analyzer.check(req["path"], texts, req["avoid"],
                           on_parse=lambda path, stamp: conn.send(("parsing", (path, stamp))))
    sources = dict(texts)
    for d in check.result.diagnostics:
        for loc in [d.loc] + [s.loc for s in d.trace] + [s.loc for s in d.related]:
            if loc.file not in sources:
                sources[loc.file] = _read(loc.file)
    diags = render_diagnostics(check.result, sources, lambda p: uris.get(p) or from_fs_path(p) or p)
    for fail in check.failures:
        diags.setdefault(fail.path, []).append(failure_diagnostic(fail.reason))
    return {"diags": diags, "unit": check.unit, "seconds": check.seconds, "parsed": check.parsed}


def _serve(conn):
    analyzer = Analyzer(jobs=-1)
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if req is None:
            return
        try:
            if req["client"] != analyzer.client:
                analyzer.configure(req["client"])
            out = _handle(analyzer, req, conn)
        except ConfigurationError as e:
            out = {"config_error": str(e)}
        except Exception as e:      # a bug costs this check, not the process
            out = {"error": f"{type(e).__name__}: {e}\n{traceback.format_exc()}"}
        conn.send(("done", out))


class AnalysisProcess:
    """The server's handle on the analysis process (used from one thread at a time)."""

    def __init__(self, timeout: float = 120.0):
        self.timeout = timeout          # per file being parsed
        self.ctx = mp.get_context("spawn")
        self.proc = None
        self.conn = None
        self.avoid: set = set()         # (path, stamp) that crashed or hung the parser

    def _start(self):
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_serve, args=(child,), daemon=True, name="wsklint-analysis")
        self.proc.start()
        child.close()
        self.conn = parent

    def _lost(self, current, what: str) -> dict:
        """The process died or hung while parsing `current`: remember it, report it, start afresh next time."""
        self.close(kill=True)
        if current is None:
            return {"error": f"the analysis process {what}"}
        path, stamp = current
        self.avoid.add((path, stamp))
        return {"diags": {path: [failure_diagnostic(f"the parser {what} on this file; it is parsed again when "
                                                    "the file changes")]},
                "unit": [path], "seconds": 0.0, "parsed": 0, "lost": True}

    def check(self, path: str, texts: dict, uris: dict, client: ClientSettings, files_changed: bool) -> dict:
        if self.proc is None or not self.proc.is_alive():
            self._start()
        req = {"path": path, "texts": texts, "uris": uris, "client": client, "files_changed": files_changed,
               "avoid": frozenset(self.avoid)}
        try:
            self.conn.send(req)
        except (OSError, BrokenPipeError):
            return self._lost(None, "could not be reached")
        current = None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                ready = self.conn.poll(max(0.0, deadline - time.monotonic()))
                if not ready:
                    return self._lost(current, f"took longer than {self.timeout:g} s")
                kind, payload = self.conn.recv()
            except (EOFError, OSError):
                code = self.proc.exitcode if self.proc is not None else None
                return self._lost(current, f"crashed (exit code {code})")
            if kind == "parsing":
                current = payload
                deadline = time.monotonic() + self.timeout
            else:
                return payload

    def close(self, kill: bool = False):
        proc, conn = self.proc, self.conn
        self.proc = self.conn = None
        if proc is None:
            return
        try:
            if not kill:
                conn.send(None)
                proc.join(2)
        except (OSError, BrokenPipeError):
            pass
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        try:
            conn.close()
        except OSError:
            pass


__all__ = ["AnalysisProcess", "failure_diagnostic"]
