"""Rule cost: for each driver, the model build, then each rule's `check` on the shared program (shared
analyses such as the socket typestate are charged to the first rule that asks for them, so they are
built up front and reported on their own line).

    python bench/rules.py [--select WSK033,WSK034] PATH [PATH ...]      (each PATH one driver)
"""
from __future__ import annotations

import sys
import time

from wsklint.engine import collect_sources
from wsklint.frontend import Frontend, FrontendOptions
from wsklint.program import Program
from wsklint.rules import ALL_RULES


def main(argv):
    select = None
    if argv[:1] == ["--select"]:
        select, argv = set(argv[1].split(",")), argv[2:]
    rules = [r for r in ALL_RULES if select is None or r.code in select]
    for path in argv:
        files, _ = collect_sources([path], [])
        t0 = time.perf_counter()
        parsed, _ = Frontend(FrontendOptions(use_cache=False)).parse(files)
        t1 = time.perf_counter()
        program = Program([parsed[f] for f in files if f in parsed])
        program.sockets.visits
        t2 = time.perf_counter()
        print(f"== {path}: {len(files)} files, model {t1 - t0:.2f} s, socket typestate {t2 - t1:.2f} s")
        total = 0.0
        for rule in rules:
            t = time.perf_counter()
            n = sum(1 for _ in rule(program).check(program))
            dt = time.perf_counter() - t
            total += dt
            print(f"   {rule.code} {rule.name:<40} {dt * 1000:8.1f} ms  {n} finding(s)")
        print(f"   rules total {total:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
