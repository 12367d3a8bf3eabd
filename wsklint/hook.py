"""`wsklint check --changed FILES`: which drivers the changed files of a commit belong to.

Cross-file rules need the whole driver, so the run analyses each driver a changed file is part of
and reports findings in the changed files only. A driver is the `drivers` folder the file lies in;
without that setting, the folder of a changed source, or for a header the nearest folder above it
that holds sources.
"""
from __future__ import annotations

import os

from .engine import _SKIP_DIRS, driver_of
from .frontend import SOURCE_SUFFIXES


def changed_drivers(files: list[str], settings, base: str) -> list[str]:
    """The driver roots (folders or files) to analyse for `files`, outermost first, none nested."""
    roots = []
    for f in files:
        f = os.path.abspath(f)
        if not os.path.isfile(f):
            continue
        root = driver_of(f, settings.drivers, base) if settings.drivers else None
        root = root or _nearest_sources(f, os.path.abspath(base))
        if root:
            roots.append(root)
    roots = sorted(set(roots), key=lambda r: (len(r), r))
    kept = []
    for r in roots:
        if not any(r == k or r.startswith(os.path.join(k, "")) for k in kept):
            kept.append(r)
    return kept


def _nearest_sources(path: str, base: str) -> str | None:
    d = os.path.dirname(path)
    if path.lower().endswith(SOURCE_SUFFIXES):
        return d
    while True:
        if _holds_sources(d):
            return d
        parent = os.path.dirname(d)
        if parent == d or not (parent + os.sep).startswith(os.path.join(base, "")):
            return None
        d = parent


def _holds_sources(folder: str) -> bool:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [x for x in dirnames if x not in _SKIP_DIRS and not x.startswith(".")]
        if any(f.lower().endswith(SOURCE_SUFFIXES) for f in filenames):
            return True
    return False
