"""What the call graph and IRQL inference cost on top of parsing, and which roles they find.

    python bench/callgraph.py [--runs N] PATH [PATH ...]    (each PATH is one driver)
    python bench/callgraph.py --corpus                      (every corpus case, as the tests run them)

Per driver: files, functions, front-end seconds (parse + model, no cache), the best of N builds of
the call graph and of the IRQL facts in milliseconds, and their ratio to the front end. Then the roles
the analysis found against the registrations a regular expression finds in the source (comments
stripped): event callbacks, completion routines, work items and threads, DPCs and timers.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from realworld import strip_comments

from wsklint.engine import collect_sources, driver_units
from wsklint.frontend import Frontend, FrontendOptions
from wsklint.program import Program

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

_ARG = r"\s*\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*&?\s*(\w+)"
GREP = {
    "events": [re.compile(r"\.?(Wsk(?:Receive|ReceiveFrom|Disconnect|SendBacklog|Accept|Inspect|Abort|Client)Event)"
                          r"\s*=\s*&?\s*(\w+)")],
    "completion": [re.compile(r"\bIoSetCompletionRoutine" + _ARG),
                   re.compile(r"\bIoSetCompletionRoutineEx\s*\(\s*[^,]+,\s*[^,]+,\s*&?\s*(\w+)")],
    "work/thread": [re.compile(r"\b(?:IoQueueWorkItem|IoQueueWorkItemEx|ExInitializeWorkItem)" + _ARG),
                    re.compile(r"\bPsCreateSystemThread\s*\((?:[^,;]*,){5}\s*&?\s*(\w+)")],
    "dpc/timer": [re.compile(r"\b(?:KeInitializeDpc|KeInitializeThreadedDpc|IoInitializeTimer)" + _ARG)],
}
TABLE = re.compile(r"WSK_CLIENT_(?:CONNECTION|LISTEN|DATAGRAM)_DISPATCH\s+\w+\s*=\s*\{([^}]*)\}")
KINDS = {"events": lambda k: k.startswith("event:"), "completion": lambda k: k == "completion",
         "work/thread": lambda k: k in ("work_item", "thread"), "dpc/timer": lambda k: k in ("dpc", "timer")}


def grep_roles(files) -> dict[str, set]:
    out = {k: set() for k in GREP}
    for f in files:
        src = strip_comments(open(f, encoding="utf-8", errors="replace").read())
        for kind, pats in GREP.items():
            for pat in pats:
                for m in pat.finditer(src):
                    name = m.group(m.lastindex)
                    if name not in ("NULL", "nullptr"):
                        out[kind].add(name)
        for m in TABLE.finditer(src):
            body = re.sub(r"\.\w+\s*=", " ", m.group(1))      # designators
            out["events"] |= {n for n in re.findall(r"\b([A-Za-z_]\w*)\b", body)
                              if n not in ("NULL", "nullptr", "MAKE_WSK_VERSION")}
    return out


def found_roles(program) -> dict[str, set]:
    out = {k: set() for k in KINDS}
    for key, roles in program.roles.items():
        for r in roles:
            for kind, pred in KINDS.items():
                if pred(r.kind):
                    out[kind].add(program.functions[key].name.split("::")[-1])
    return out


def best(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def measure(name, models, files, runs, show_roles=True):
    fe_seconds = sum(m.total_seconds for m in models)
    program = Program(models)
    n_fn = len(program.functions)

    def build_cg():
        p = Program(models)
        p.__dict__["roles"] = program.roles     # roles are shared facts, not part of this cost
        return p.callgraph

    def build_irql():
        p = Program(models)
        p.__dict__["roles"] = program.roles
        p.__dict__["callgraph"] = program.callgraph
        return p.irql

    _ = program.callgraph, program.irql
    cg = best(build_cg, runs)
    irql = best(build_irql, runs)
    ratio = (cg + irql) / fe_seconds if fe_seconds else 0.0
    print(f"{name:<34} {len(models):>5} {n_fn:>6} {fe_seconds:>9.3f} {cg * 1000:>9.1f} {irql * 1000:>9.1f} "
          f"{ratio:>7.1%}")
    if show_roles:
        got, want = found_roles(program), grep_roles(files)
        print("    roles found/by grep: " + ", ".join(
            f"{k} {len(got[k])}/{len(want[k])}"
            + (f" (grep only: {', '.join(sorted(want[k] - got[k]))})" if want[k] - got[k] else "")
            for k in KINDS))
    return fe_seconds, cg + irql


HEADER = f"{'driver':<34} {'files':>5} {'funcs':>6} {'front s':>9} {'cg ms':>9} {'irql ms':>9} {'ratio':>7}"


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--corpus", action="store_true", help="measure every corpus case")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    fe = Frontend(FrontendOptions(use_cache=False))
    print(HEADER)
    try:
        if args.corpus:
            files, _ = collect_sources([str(CORPUS)], [])
            models, _ = fe.parse(files)
            total_fe = total_an = 0.0
            for unit in driver_units(files, ["*/*"], str(CORPUS)):
                ms = [models[f] for f in unit if f in models]
                a, b = measure(os.path.relpath(os.path.commonpath(unit), CORPUS)[:34], ms, unit, args.runs, False)
                total_fe, total_an = total_fe + a, total_an + b
            print(f"{'corpus total':<34} {'':>5} {'':>6} {total_fe:>9.3f} {total_an * 1000:>19.1f} "
                  f"{total_an / total_fe:>7.1%}")
        for path in args.paths:
            files, _ = collect_sources([path], [])
            models, _ = fe.parse(files)
            measure(os.path.basename(path.rstrip("/")) or path, [models[f] for f in files if f in models], files,
                    args.runs)
    finally:
        fe.close()


if __name__ == "__main__":
    main(sys.argv[1:])
