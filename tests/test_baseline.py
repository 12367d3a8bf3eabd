"""Baseline: accepted findings survive unrelated edits; only new findings fail the run."""
from __future__ import annotations

import json

from test_cli import CORPUS, wsklint
from wsklint.engine import fingerprint
from wsklint.model import Loc
from wsklint.result import Diagnostic

# One WSK031 finding (ExFreePool on the address list) in `Resolve`.
SOURCE = (CORPUS / "WSK031-address-info-pairing" / "bad_exfreepool.c").read_text()
UNRELATED = "static ULONG LogStart(ULONG Level)\n{\n    return Level + 1;\n}\n"


def sarif_states(tmp_path, *args):
    out = tmp_path / "out.sarif"
    r = wsklint("check", "drv.c", "--isolated", "--sarif", str(out), *args, cwd=tmp_path)
    results = json.loads(out.read_text())["runs"][0]["results"]
    return r, sorted((x["locations"][0]["physicalLocation"]["region"]["startLine"], x.get("baselineState"))
                     for x in results)


def test_baseline_survives_edits_and_only_new_findings_fail(tmp_path):
    drv = tmp_path / "drv.c"
    drv.write_text(SOURCE + "\n" + UNRELATED)
    r = wsklint("check", "drv.c", "--isolated", cwd=tmp_path)
    assert r.returncode == 1 and "drv.c:20:9: error:" in r.stdout

    r = wsklint("check", "drv.c", "--isolated", "--write-baseline", "wsklint-baseline.json", cwd=tmp_path)
    assert r.returncode == 0 and "wrote 1 finding to wsklint-baseline.json" in r.stderr
    base = json.loads((tmp_path / "wsklint-baseline.json").read_text())
    (entry,) = base["findings"]
    assert {k: entry[k] for k in ("code", "file", "function", "line")} == \
        {"code": "WSK031", "file": "drv.c", "function": "Resolve", "line": 20}
    assert "ExFreePool" in entry["message"] and len(entry["fingerprint"]) == 32

    r, states = sarif_states(tmp_path, "--baseline", "wsklint-baseline.json")
    assert r.returncode == 0 and states == [(20, "unchanged")]
    assert r.stdout == "wsklint: 1 file checked, no findings (1 in the baseline)\n"

    # Unrelated edits: lines inserted above the finding, an unrelated function renamed.
    header = "/* Resolver module.\n * Owner: networking team.\n */\n#define RESOLVER_TAG 'vseR'\n\n"
    drv.write_text(header + SOURCE + "\n" + UNRELATED.replace("LogStart", "TraceStart"))
    r, states = sarif_states(tmp_path, "--baseline", "wsklint-baseline.json")
    assert r.returncode == 0, r.stdout
    assert states == [(25, "unchanged")]

    # A new bug: only it is shown and fails the run.
    new_bug = SOURCE.split("VOID UseAddresses(PADDRINFOEXW List);\n", 1)[1].replace("Resolve(", "ResolveAgain(")
    drv.write_text(header + SOURCE + "\n" + UNRELATED.replace("LogStart", "TraceStart") + "\n" + new_bug)
    r, states = sarif_states(tmp_path, "--baseline", "wsklint-baseline.json")
    assert r.returncode == 1
    assert states == [(25, "unchanged"), (49, "new")]
    shown = [ln for ln in r.stdout.splitlines() if ": error:" in ln]
    assert len(shown) == 1 and shown[0].startswith("drv.c:49:9: error:")
    assert r.stdout.rstrip().endswith("1 error (1 in the baseline)")
    r = wsklint("check", "drv.c", "--isolated", "--baseline", "wsklint-baseline.json", "-f", "github", cwd=tmp_path)
    assert r.stdout.count("::error ") == 1 and "line=49" in r.stdout


def test_fixed_baseline_findings_are_noted(tmp_path):
    drv = tmp_path / "drv.c"
    drv.write_text(SOURCE)
    wsklint("check", "drv.c", "--isolated", "--write-baseline", "b.json", cwd=tmp_path)
    drv.write_text(SOURCE.replace("ExFreePool(result);", "Provider->Dispatch->WskFreeAddressInfo(Provider->Client, result);"))
    r = wsklint("check", "drv.c", "--isolated", "--baseline", "b.json", "-v", cwd=tmp_path)
    assert r.returncode == 0
    assert "1 baseline finding no longer reported" in r.stderr


def test_baseline_from_configuration_relative_to_it(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "drv.c").write_text(SOURCE)
    (tmp_path / "wsklint.toml").write_text('baseline = "ci/baseline.json"\n')
    r = wsklint("check", "src", cwd=tmp_path)
    assert r.returncode == 2 and "ci/baseline.json: no such file" in r.stderr
    r = wsklint("check", "src", "--write-baseline", "ci/baseline.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = wsklint("check", ".", cwd=tmp_path / "src")       # run from elsewhere: same fingerprints
    assert r.returncode == 0, r.stdout + r.stderr


def test_bad_baseline_files_exit_2(tmp_path):
    (tmp_path / "drv.c").write_text(SOURCE)
    (tmp_path / "b.json").write_text("{not json")
    r = wsklint("check", "drv.c", "--isolated", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 2 and "not a wsklint baseline" in r.stderr
    (tmp_path / "b.json").write_text('{"findings": [{"code": "WSK031"}]}')
    r = wsklint("check", "drv.c", "--isolated", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 2 and "not a wsklint baseline" in r.stderr


def _diag(line, message="m", anchor="ExFreePool(result) pool free", function="Resolve", file="/r/a/drv.c"):
    return Diagnostic(code="WSK031", name="address-info-pairing", severity="error", message=message,
                      loc=Loc(file, line, 5), function=function, anchor=anchor)


def test_fingerprint_has_no_line_numbers():
    assert fingerprint(_diag(10), "/r") == fingerprint(_diag(99), "/r")
    assert fingerprint(_diag(10, anchor=""), "/r") != fingerprint(_diag(10), "/r")
    # Without an anchor, the message counts, with its line numbers taken out.
    assert fingerprint(_diag(10, "held since drv.c:88", ""), "/r") == fingerprint(_diag(12, "held since drv.c:90", ""), "/r")
    # What identifies a finding does count: the rule's statements, the function, the file.
    assert fingerprint(_diag(10, function="Other"), "/r") != fingerprint(_diag(10), "/r")
    assert fingerprint(_diag(10, file="/r/b/drv.c"), "/r") != fingerprint(_diag(10), "/r")
