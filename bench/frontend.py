"""Front-end cost: libclang's own parse time vs the whole model build, per file and in total, plus
the cached re-run. Prints ratios (targets in DESIGN.md: total within 1.5x of the parse; a cached
re-run under 10% of a cold run).

    python bench/frontend.py [PATH ...]      (default: the corpus)
"""
from __future__ import annotations

import os
import sys
import tempfile
import time

from wsklint.engine import collect_sources
from wsklint.frontend import Frontend, FrontendOptions
from wsklint.frontend.parse import parse_file


def main(paths):
    files, _ = collect_sources(paths or [os.path.join(os.path.dirname(__file__), "..", "corpus")], [])
    fe = Frontend(FrontendOptions(jobs=-1, use_cache=False))
    parse_total = cpu_total = 0.0
    rows = []
    for f in files:
        job = fe.job_for(f)
        parse_file(job)                       # warm the OS cache and the bindings
        t = time.process_time()
        m = parse_file(job)
        cpu = time.process_time() - t
        parse_total += m.parse_seconds
        cpu_total += cpu
        rows.append((os.path.relpath(f), m.lines, m.parse_seconds, cpu))
    rows.sort(key=lambda r: -r[3])
    print(f"{'file':<60} {'lines':>6} {'parse s':>8} {'model s':>8} {'ratio':>6}")
    for name, lines, p, c in rows[:15]:
        print(f"{name[-60:]:<60} {lines:>6} {p:>8.3f} {c:>8.3f} {c / max(p, 1e-6):>6.1f}")
    print(f"{len(files)} files: libclang parse {parse_total:.2f} s, whole front end {cpu_total:.2f} s CPU, "
          f"ratio {cpu_total / max(parse_total, 1e-6):.2f}")
    with tempfile.TemporaryDirectory() as cache:
        opts = FrontendOptions(jobs=0, cache_dir=cache)
        for label in ("cold (2 workers)", "warm cache"):
            fe2 = Frontend(opts)
            t = time.perf_counter()
            fe2.parse(files)
            fe2.close()
            wall = time.perf_counter() - t
            print(f"{label:<18} {wall:.2f} s wall")
            if label.startswith("cold"):
                cold = wall
        print(f"warm/cold ratio {wall / cold:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
