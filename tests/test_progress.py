"""The progress counter: on stderr when it is a terminal and the run is large, silent otherwise."""
from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys

from test_cli import CORPUS, wsklint
from wsklint.cli import progress_printer


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_counter_only_on_a_terminal_and_for_many_files(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert progress_printer(io.StringIO()) is None
    out = _Tty()
    progress = progress_printer(out, min_files=8)
    progress(1, 3)
    assert out.getvalue() == ""
    progress(1, 10)
    progress(10, 10)
    assert out.getvalue() == "\rwsklint: parsing 1/10 files\r\x1b[K"
    monkeypatch.setenv("TERM", "dumb")
    assert progress_printer(_Tty()) is None


def _many_files(tmp_path):
    for i, src in enumerate(sorted(CORPUS.glob("WSK01*/*.c"))[:10]):
        shutil.copy(src, tmp_path / f"{i:02d}_{src.name}")


def test_silent_when_stderr_is_not_a_terminal(tmp_path):
    _many_files(tmp_path)
    r = wsklint("check", ".", "--isolated", "--no-cache", "--exit-zero", cwd=tmp_path)
    assert "parsing" not in r.stderr and "\r" not in r.stderr


def test_drawn_on_a_terminal(tmp_path):
    _many_files(tmp_path)
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm")
    p = subprocess.Popen([sys.executable, "-m", "wsklint", "check", ".", "--isolated", "--no-cache", "--exit-zero"],
                         cwd=tmp_path, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    p.stdout.read()
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:        # the terminal closes when the process exits
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=120)
    os.close(master)
    seen = b"".join(chunks).decode()
    assert "wsklint: parsing" in seen and "/10 files" in seen
    assert seen.endswith("\r\x1b[K")
