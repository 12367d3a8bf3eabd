"""Scale: a synthetic WSK driver (bench/synth.py) of growing size, analysed as one driver the way
`wsklint check` does it (parser pool, on-disk cache, all rules). Per size: wall and CPU seconds, seconds
per 1k lines (flat = linear), the peak memory of the whole process tree, the split into phases, then a
re-run on the unchanged files (cache). Targets (DESIGN.md section 6): linear cost; 500k lines in minutes
under 1 GiB; total within 1.5x of libclang's parse; a cached re-run under 10% of a cold run; both cores.

    python bench/scale.py [--sizes 50k,100k,200k,500k] [--jobs N] [--keep DIR]
    python bench/scale.py --measure DIR [--jobs N]        (one measurement, JSON on stdout)

Each size is measured in a fresh process, so its peak memory is its own. Phases: `parse` is libclang's
parse (seconds summed over files, spent in the workers), `model` the rest of the per-file front end
(cursor walk, CFG), then in the main process `program` (indexes), `roles`, `callgraph`, `irql`,
`irpflow` (all IRP walks and incidents), `sockets` (the socket typestate) and `rules` (all rules on the
built analyses). `cores` is CPU seconds over wall seconds of the front end (2.0 = both cores busy).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class TreeRss:
    """Peak resident memory of this process and all its descendants (the parser workers), sampled
    from /proc; elsewhere only the getrusage maxima are reported."""

    def __init__(self, every=0.05):
        self.peak = 0
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.ok = os.path.exists("/proc/self/status")

    def __enter__(self):
        if self.ok:
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self.ok:
            self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(os.getpid())))
            self._stop.wait(self.every)


def _tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def _rss(pid) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime


def _maxrss(who) -> int:
    r = resource.getrusage(who).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def measure(root: str, jobs: int, cache: str) -> dict:
    """One cold run and one cached re-run of the whole check on the driver under `root`."""
    from wsklint.config import Settings
    from wsklint.engine import Engine, collect_sources
    from wsklint.frontend import FrontendOptions
    from wsklint.program import Program

    files, _ = collect_sources([root], [])
    out = {"files": len(files)}

    def run(label):
        eng = Engine(Settings(frontend=FrontendOptions(jobs=jobs, cache_dir=cache)))
        rec = {}
        cpu0 = _cpu()
        t0 = time.perf_counter()
        models, failures = eng.frontend.parse(files, root=root)
        eng.close()                                   # workers exit: their CPU shows in RUSAGE_CHILDREN
        t1 = time.perf_counter()
        cpu1 = _cpu()
        ordered = [models[f] for f in files if f in models]
        rec["failures"] = len(failures)
        rec["lines"] = sum(m.lines for m in ordered)
        rec["functions"] = sum(len(m.functions) for m in ordered)
        rec["parse"] = sum(m.parse_seconds for m in ordered)
        rec["model"] = sum(m.total_seconds - m.parse_seconds for m in ordered)
        rec["frontend_wall"] = t1 - t0
        rec["frontend_cpu"] = (cpu1[0] - cpu0[0]) + (cpu1[1] - cpu0[1])
        phases = {}

        def phase(name, fn):
            t = time.perf_counter()
            v = fn()
            phases[name] = time.perf_counter() - t
            return v

        gc.freeze()                                   # as Engine.run does for the analyses
        program = phase("program", lambda: Program(ordered))
        phase("roles", lambda: program.roles)
        phase("callgraph", lambda: program.callgraph)
        phase("irql", lambda: program.irql)
        phase("irpflow", lambda: program.irpflow._all)
        phase("sockets", lambda: program.sockets.visits)
        findings = phase("rules", lambda: sum(len(list(r(program).check(program))) for r in eng.rules))
        t2 = time.perf_counter()
        cpu2 = _cpu()
        rec["phases"] = phases
        rec["findings"] = findings
        rec["analysis_wall"] = t2 - t1
        rec["wall"] = t2 - t0
        rec["cpu"] = (cpu2[0] - cpu0[0]) + (cpu2[1] - cpu0[1])
        gc.unfreeze()
        out[label] = rec
        del program, models, ordered

    with TreeRss() as rss:
        run("cold")
    out["peak_tree_rss"] = rss.peak
    out["main_maxrss"] = _maxrss(resource.RUSAGE_SELF)
    out["worker_maxrss"] = _maxrss(resource.RUSAGE_CHILDREN)
    run("warm")
    return out


def _size(s: str) -> int:
    s = s.strip().lower()
    return int(float(s[:-1]) * 1000) if s.endswith("k") else int(s)


def _mib(n) -> str:
    return f"{n / 2**20:.0f}"


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="50k,100k,200k,500k")
    ap.add_argument("--jobs", type=int, default=0, help="parser workers (0: one per core)")
    ap.add_argument("--keep", help="generate the trees here and keep them")
    ap.add_argument("--measure", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        with tempfile.TemporaryDirectory() as cache:
            print(json.dumps(measure(args.measure, args.jobs, cache)))
        return
    sys.path.insert(0, HERE)
    from synth import generate

    rows = []
    base = args.keep or tempfile.mkdtemp(prefix="wsklint-scale-")
    try:
        for s in args.sizes.split(","):
            target = _size(s)
            root = os.path.join(base, f"driver-{target // 1000}k")
            if not os.path.isdir(root):
                generate(root, target)
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "--measure", root, "--jobs", str(args.jobs)],
                               capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"measurement of {root} failed:\n{p.stderr}")
            r = json.loads(p.stdout.strip().splitlines()[-1])
            rows.append((target, r))
            _print_one(target, r)
    finally:
        if not args.keep:
            import shutil
            shutil.rmtree(base, ignore_errors=True)
    _print_table(rows)


def _print_one(target, r):
    c, w = r["cold"], r["warm"]
    ph = c["phases"]
    print(f"== {target // 1000}k target: {r['files']} files, {c['lines']} lines, {c['functions']} functions, "
          f"{c['findings']} findings, {c['failures']} parse failures")
    print(f"   cold: {c['wall']:.1f} s wall, {c['cpu']:.1f} s CPU; front end {c['frontend_wall']:.1f} s wall "
          f"(cores {c['frontend_cpu'] / c['frontend_wall']:.2f}), analysis {c['analysis_wall']:.1f} s")
    print(f"   phases (s): parse {c['parse']:.1f}, model {c['model']:.1f}, "
          + ", ".join(f"{k} {v:.2f}" for k, v in ph.items()))
    print(f"   memory: tree peak {_mib(r['peak_tree_rss'])} MiB, main process {_mib(r['main_maxrss'])} MiB, "
          f"largest worker {_mib(r['worker_maxrss'])} MiB")
    print(f"   warm (cache): {w['wall']:.1f} s wall (front end {w['frontend_wall']:.2f} s, analysis "
          f"{w['analysis_wall']:.1f} s): {w['wall'] / c['wall']:.1%} of cold, front end alone "
          f"{w['frontend_wall'] / c['frontend_wall']:.1%}", flush=True)


def _print_table(rows):
    print()
    print(f"{'size':>6} {'lines':>7} {'wall s':>7} {'cpu s':>7} {'ms/kl wall':>10} {'ms/kl cpu':>9} "
          f"{'cpu/parse':>9} {'analysis ms/kl':>14} {'peak MiB':>8} {'warm/cold':>9}")
    for target, r in rows:
        c, w = r["cold"], r["warm"]
        kl = c["lines"] / 1000
        print(f"{target // 1000:>5}k {c['lines']:>7} {c['wall']:>7.1f} {c['cpu']:>7.1f} {c['wall'] / kl * 1000:>10.1f} "
              f"{c['cpu'] / kl * 1000:>9.1f} {c['cpu'] / c['parse']:>9.2f} {c['analysis_wall'] / kl * 1000:>14.1f} "
              f"{_mib(r['peak_tree_rss']):>8} {w['wall'] / c['wall']:>9.1%}")
    print("phases, ms per 1k lines:")
    names = ["parse", "model"] + list(rows[0][1]["cold"]["phases"]) if rows else []
    print(f"{'size':>6} " + " ".join(f"{n:>9}" for n in names))
    for target, r in rows:
        c = r["cold"]
        kl = c["lines"] / 1000
        vals = [c["parse"], c["model"]] + [c["phases"][n] for n in names[2:]]
        print(f"{target // 1000:>5}k " + " ".join(f"{v / kl * 1000:>9.1f}" for v in vals))


if __name__ == "__main__":
    main(sys.argv[1:])
