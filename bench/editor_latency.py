"""How long the language server's re-check of an edited ~3,000-line driver file takes (server side:
parse of the edited buffer and analysis in the analysis process, LSP rendering; no debounce, no
editor).

    python bench/editor_latency.py [LINES] [ROUNDS]

Each round types the bug into a different channel, so no round is served by the content-keyed
model cache. The browser test (tests/test_vscode_e2e.py) measures the same edit end to end in
VS Code: keystroke to Problems panel.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from large_driver import BUG_LINE, bug_lines, generate  # noqa: E402

from wsklint.lsp.analyzer import ClientSettings  # noqa: E402
from wsklint.lsp.worker import AnalysisProcess  # noqa: E402


def main(lines: int = 3000, rounds: int = 5):
    with tempfile.TemporaryDirectory() as d:
        os.environ["WSKLINT_CACHE_DIR"] = os.path.join(d, "cache")
        path = os.path.join(d, "channels.c")
        text = generate(lines)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        proc = AnalysisProcess()        # what `wsklint server` checks with
        try:
            t = time.perf_counter()
            first = proc.check(path, {path: text}, {}, ClientSettings(), False)
            print(f"{text.count(chr(10))} lines, {sum(map(len, first['diags'].values()))} findings; first check "
                  f"(analysis process start + parse) {time.perf_counter() - t:.3f} s")
            times = []
            for n in bug_lines(text, rounds):
                lines_ = text.split("\n")
                buggy = "\n".join(lines_[:n - 1] + [BUG_LINE] + lines_[n - 1:])
                t = time.perf_counter()
                out = proc.check(path, {path: buggy}, {}, ClientSettings(), False)
                times.append(time.perf_counter() - t)
                codes = [x["code"] for x in out["diags"][path]]
                print(f"  bug at line {n}: {codes} in {times[-1]:.3f} s (parse + analysis in the analysis "
                      f"process {out['seconds']:.3f} s)")
            print(f"re-check after an edit: median {statistics.median(times):.3f} s, max {max(times):.3f} s")
        finally:
            proc.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
