"""Time the pre-commit hook's command (`wsklint check --changed FILE`) on a driver: with an empty model
cache (the first commit on a machine) and with a warm one (every later commit).

    python bench/changed.py DRIVER_DIR CHANGED_FILE [CHANGED_FILE ...]
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def run(args, cache):
    env = dict(os.environ, WSKLINT_CACHE_DIR=cache)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "wsklint", "check", "--isolated", "--changed", *args],
                       capture_output=True, text=True, env=env)
    return time.perf_counter() - t0, r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr


def main(driver, files):
    os.chdir(driver)
    with tempfile.TemporaryDirectory() as cache:
        cold, summary = run(files, cache)
        warm, _ = run(files, cache)
    print(f"{driver}: {summary}")
    print(f"cold cache {cold:.2f} s, warm cache {warm:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
