"""Baseline: a JSON file of accepted findings, so a run fails only on findings that are not in it.

Findings are matched by fingerprint (rule, file, function and the text of the statements involved;
never line numbers), so the baseline survives edits elsewhere in the file. The other fields are there
for the reviewer of the file; `line` is where the finding was when the file was written.
"""
from __future__ import annotations

import json
import os

from .config import ConfigError
from .result import Notification, RunResult

FORMAT = 1
_ABOUT = ("Findings accepted when this file was written: `wsklint check --baseline FILE` fails only on "
          "findings that are not listed here. Matched by fingerprint, not by line. Regenerate with "
          "`wsklint check ... --write-baseline FILE`.")


class Baseline:
    def __init__(self, path: str, entries: list[dict]):
        self.path = path
        self.entries = entries
        self.fingerprints = {e["fingerprint"] for e in entries}


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise ConfigError(f"baseline {path}: no such file (write one with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"baseline {path}: not a wsklint baseline: {e}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                                for e in entries):
        raise ConfigError(f"baseline {path}: not a wsklint baseline (expected {{\"findings\": [{{\"fingerprint\": "
                          f"...}}, ...]}})")
    if data.get("format", FORMAT) > FORMAT:
        raise ConfigError(f"baseline {path}: written by a newer wsklint (format {data['format']})")
    return Baseline(path, entries)


def apply_baseline(result: RunResult, baseline: Baseline) -> None:
    """Mark findings the baseline holds as not new; note baseline entries of analysed files that are gone."""
    result.baseline = baseline.path
    found = set()
    for d in result.diagnostics:
        d.new = d.fingerprint not in baseline.fingerprints
        found.add(d.fingerprint)
    analysed = {result.key_path(f) for f in result.files}
    gone = [e for e in baseline.entries if e["fingerprint"] not in found and e.get("file") in analysed]
    if gone:
        result.notifications.append(Notification(
            "note", f"{len(gone)} baseline finding{'s' if len(gone) != 1 else ''} no longer reported (fixed, or the "
            f"code changed): regenerate {baseline.path} with --write-baseline", code="baseline-stale"))


def write_baseline(result: RunResult, path: str) -> int:
    """Write the unsuppressed findings of `result` to `path`; they count as accepted from now on."""
    findings = []
    for d in result.diagnostics:
        if d.suppression is not None:
            continue
        d.new = False
        findings.append({"fingerprint": d.fingerprint, "code": d.code, "name": d.name,
                         "file": result.key_path(d.loc.file), "function": d.function, "line": d.loc.line,
                         "message": d.message})
    findings.sort(key=lambda e: (e["file"], e["line"], e["code"], e["fingerprint"]))
    doc = {"tool": "wsklint", "version": result.tool_version, "format": FORMAT, "about": _ABOUT,
           "findings": findings}
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    result.baseline = path
    return len(findings)
