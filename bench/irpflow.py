"""Analysis time of the IRP-flow rules against the bare parse, on the corpus (or on drivers given as
arguments, each analysed as one driver).

    python bench/irpflow.py                  # the corpus, every case its own driver (as `wsklint check corpus/`)
    python bench/irpflow.py PATH [PATH ...]  # real drivers

Prints the front end's time (libclang parse + model building, in this process, no cache), the time of
the twelve IRP/buffer/indication rules including the IRP-flow graph they share, their ratio, and the
time of each rule (the first rule to run pays for the graph).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from wsklint.config import Settings, load_config
from wsklint.engine import collect_sources, driver_units
from wsklint.frontend import Frontend, FrontendOptions
from wsklint.program import Program
from wsklint.rules import ALL_RULES

IRP_RULES = ("WSK001", "WSK002", "WSK003", "WSK004", "WSK009", "WSK010", "WSK011", "WSK016", "WSK017", "WSK018",
             "WSK019", "WSK022")
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def main(paths: list[str]) -> None:
    if paths:
        units_of = [(p, collect_sources([p], [])[0]) for p in paths]
    else:
        files, _ = collect_sources([str(CORPUS)], [])
        patterns = load_config(CORPUS / "wsklint.toml", Settings()).drivers
        units_of = [(str(CORPUS), u) for u in driver_units(files, patterns, str(CORPUS))]
    files = [f for _, unit in units_of for f in unit]
    fe = Frontend(FrontendOptions(use_cache=False, jobs=-1))
    t0 = time.perf_counter()
    models, failures = fe.parse(files)
    parse_wall = time.perf_counter() - t0
    fe.close()
    libclang = sum(m.parse_seconds for m in models.values())
    lines = sum(m.lines for m in models.values())

    rules = [r for r in ALL_RULES if r.code in IRP_RULES]
    per_rule = {r.code: 0.0 for r in rules}
    findings = 0
    t1 = time.perf_counter()
    for _, unit in units_of:
        program = Program([models[f] for f in unit if f in models])
        for r in rules:
            s = time.perf_counter()
            findings += len(list(r(program).check(program)))
            per_rule[r.code] += time.perf_counter() - s
    analysis = time.perf_counter() - t1

    where = ", ".join(os.path.relpath(p) for p in paths) if paths else "corpus"
    print(f"{where}: {len(models)} files ({len(failures)} failed), {lines} lines, {len(units_of)} drivers")
    print(f"front end (parse + model): {parse_wall:.3f} s   (libclang alone: {libclang:.3f} s)")
    print(f"IRP-flow rules ({len(rules)}): {analysis:.3f} s, {findings} findings")
    print(f"ratio rules / front end: {analysis / parse_wall:.2f}   rules / libclang parse: {analysis / libclang:.2f}")
    print("per rule: " + ", ".join(f"{c} {t * 1000:.0f} ms" for c, t in per_rule.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
