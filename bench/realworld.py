"""Run wsklint over real WSK drivers where they lie (never copied here) and report, per file:
functions analysed, WSK calls recovered vs present in the source (grep), notes, parse and total
seconds, and every finding.

    python bench/realworld.py PATH [PATH ...]        (each PATH is analysed as one driver)
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import time

from wsklint.config import Settings
from wsklint.engine import Engine, collect_sources, project_root, source_root
from wsklint.frontend import Frontend, FrontendOptions

WSK_CALL = re.compile(r"\b(Wsk(?:Socket|SocketConnect|ControlClient|GetAddressInfo|FreeAddressInfo|GetNameInfo|"
                      r"ControlSocket|CloseSocket|Bind|Listen|Accept|InspectComplete|GetLocalAddress|"
                      r"GetRemoteAddress|SendTo|ReceiveFrom|SendMessages|Release|Connect|ConnectEx|Send|SendEx|"
                      r"Receive|ReceiveEx|Disconnect|Register|Deregister|CaptureProviderNPI|ReleaseProviderNPI|"
                      r"QueryProviderCharacteristics))\s*\(")


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def main(paths):
    for path in paths:
        files, _ = collect_sources([path], [])
        root = os.path.join("/work/realworld", os.path.relpath(os.path.abspath(path), "/work/realworld").split(os.sep)[0]) \
            if os.path.abspath(path).startswith("/work/realworld/") else None
        with tempfile.TemporaryDirectory() as cache:
            # a cold run; the per-file table below reads the models it cached instead of parsing again
            opts = FrontendOptions(cache_dir=cache)
            eng = Engine(Settings(frontend=opts, root=root))
            t0 = time.perf_counter()
            res = eng.run([path])
            wall = time.perf_counter() - t0
            eng.close()
            parsed, _ = Frontend(opts).parse(files, root=project_root(source_root(files, root)))
        print(f"== {path}: {len(files)} files, {wall:.2f} s wall")
        print(f"{'file':<40} {'lines':>6} {'funcs':>5} {'wsk calls':>10} {'notes':>5} {'parse s':>8} {'total s':>8}")
        for f in files:
            m = parsed.get(f)
            src = strip_comments(open(f, encoding="utf-8", errors="replace").read())
            present = len(WSK_CALL.findall(src))
            if m is None:
                print(f"{os.path.basename(f):<40} (failed)")
                continue
            recovered = sum(1 for fn in m.functions for _, ev in fn.calls()
                            if ev.expr.name and WSK_CALL.match(ev.expr.name + "("))
            print(f"{os.path.relpath(f, path) if os.path.isdir(path) else os.path.basename(f):<40} {m.lines:>6} "
                  f"{len(m.functions):>5} {recovered:>4}/{present:<5} {len(m.notes):>5} {m.parse_seconds:>8.3f} "
                  f"{m.total_seconds:>8.3f}")
        for d in res.diagnostics:
            print(f"  {os.path.relpath(d.loc.file, path if os.path.isdir(path) else os.path.dirname(path))}:"
                  f"{d.loc.line}: {d.severity}: {d.message} [{d.code}]")
        for n in res.notifications:
            if n.level != "note":
                print(f"  ({n.level}) {n.message}")


if __name__ == "__main__":
    main(sys.argv[1:])
