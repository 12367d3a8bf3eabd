"""Editor re-check latency on the engine path (no language server): a 3,000-line file is edited, then
re-parsed and its driver re-analysed, the other files' models staying in memory. Target (DESIGN.md
section 6): under 0.5 s.

    python bench/editor.py [--driver-lines 30000] [--file-lines 3000] [--edits 5] [FILE[:alone] ...]

Without FILE: a synthetic driver (bench/synth.py) of --driver-lines lines, one of whose modules is
grown to --file-lines lines. With FILE(s): each real file is edited in a temporary copy of the folder
that holds it (its driver; `FILE:alone` copies the file only, for a folder that is not one driver). Each
edit changes a line of the file (so the cache cannot answer), then
times: `parse` the edited file (in-process, and through the warm parser pool as a server that keeps
its workers would), `analysis` a `Engine.run` of the driver with every model given and findings kept
for the edited file, and their sum. The median over the edits is printed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

from wsklint.config import Settings
from wsklint.engine import Engine, collect_sources
from wsklint.frontend import FrontendOptions

HERE = os.path.dirname(os.path.abspath(__file__))


def synthetic(root: str, driver_lines: int, file_lines: int) -> str:
    """A synthetic driver under `root` with one module of about `file_lines` lines; returns that file."""
    sys.path.insert(0, HERE)
    from synth import generate, module_source
    files, _ = generate(root, max(driver_lines - file_lines, 1000))
    n = sum(1 for f in files if os.path.basename(f).startswith("m"))
    helpers = 4
    while module_source(0, helpers, n).count("\n") < file_lines:
        helpers += 1
    target = os.path.join(root, "sub000", "m0000.c")
    with open(target, "w", encoding="utf-8") as f:
        f.write(module_source(0, helpers, n))
    return target


def measure(driver: str, target: str, edits: int) -> dict:
    with tempfile.TemporaryDirectory() as cache:
        eng = Engine(Settings(frontend=FrontendOptions(jobs=0, cache_dir=cache)))
        inproc = Engine(Settings(frontend=FrontendOptions(jobs=-1, use_cache=False)))
        files, _ = collect_sources([driver], [])
        t = time.perf_counter()
        models, _ = eng.frontend.parse(files, root=driver)
        cold = time.perf_counter() - t
        eng.run([driver], models=models)                 # warm the imports and the knowledge tables
        with open(target, encoding="utf-8", errors="replace") as f:
            original = f.read()
        lines = original.splitlines(keepends=True)
        rows = {"parse (pool)": [], "parse (in-process)": [], "analysis": [], "total": []}
        findings = 0
        for k in range(edits):
            edited = list(lines)
            edited.append(f"/* edit {k} */\n")        # new content: the cache cannot answer
            with open(target, "w", encoding="utf-8") as f:
                f.write("".join(edited))
            t0 = time.perf_counter()
            got, _ = eng.frontend.parse([target], root=driver)
            t1 = time.perf_counter()
            inproc.frontend.parse([target], root=driver)
            t2 = time.perf_counter()
            models[target] = got[target]
            res = eng.run([driver], models=models, only=[target])
            t3 = time.perf_counter()
            findings = len(res.diagnostics)
            rows["parse (pool)"].append(t1 - t0)
            rows["parse (in-process)"].append(t2 - t1)
            rows["analysis"].append(t3 - t2)
            rows["total"].append((t1 - t0) + (t3 - t2))
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        eng.close()
        driver_lines = sum(m.lines for m in models.values())
        return {"files": len(files), "driver_lines": driver_lines, "file_lines": models[target].lines,
                "cold": cold, "findings": findings, **{k: statistics.median(v) for k, v in rows.items()}}


def report(name, r):
    print(f"== {name}: {r['file_lines']}-line file in a driver of {r['files']} files, {r['driver_lines']} lines "
          f"(first parse of the driver {r['cold']:.1f} s); {r['findings']} findings in the file")
    print(f"   median per edit: parse {r['parse (pool)'] * 1000:.0f} ms through the pool "
          f"({r['parse (in-process)'] * 1000:.0f} ms in-process), analysis {r['analysis'] * 1000:.0f} ms, "
          f"total {r['total'] * 1000:.0f} ms (target 500 ms)")


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--driver-lines", type=int, default=30000)
    ap.add_argument("--file-lines", type=int, default=3000)
    ap.add_argument("--edits", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if not args.files:
            root = os.path.join(tmp, "driver")
            target = synthetic(root, args.driver_lines, args.file_lines)
            report("synthetic", measure(root, target, args.edits))
        for i, spec in enumerate(args.files):
            f, alone = (spec[:-6], True) if spec.endswith(":alone") else (spec, False)
            root = os.path.join(tmp, f"real{i}")
            if alone:
                os.makedirs(root)
                shutil.copy(f, root)
            else:
                shutil.copytree(os.path.dirname(os.path.abspath(f)), root)
            report(f, measure(root, os.path.join(root, os.path.basename(f)), args.edits))


if __name__ == "__main__":
    main(sys.argv[1:])
