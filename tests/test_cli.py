"""The command line: exit codes, formats, bad inputs, configuration errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BAD = CORPUS / "WSK013-deregister-order" / "bad_unload_without_deregister.c"
GOOD = CORPUS / "WSK013-deregister-order" / "good_release_in_helper.c"


def wsklint(*args, cwd=None, env=None):
    e = dict(os.environ, WSKLINT_CACHE_DIR=str(Path(cwd or ROOT) / ".wsklint-test-cache"))
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "wsklint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=e, timeout=300)


def test_findings_exit_1_clean_exit_0(tmp_path):
    r = wsklint("check", str(BAD), "--isolated", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "bad_unload_without_deregister.c:16:6: error: Unload routine DriverUnload" in r.stdout
    assert "[WSK013]" in r.stdout
    r = wsklint("check", str(GOOD), "--isolated", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr


def test_exit_zero_and_fail_on(tmp_path):
    assert wsklint("check", str(BAD), "--isolated", "--exit-zero", cwd=tmp_path).returncode == 0
    warn_only = CORPUS / "WSK014-registration-pairing" / "bad_register_in_retry_loop.c"
    assert wsklint("check", str(warn_only), "--isolated", "--fail-on", "error", cwd=tmp_path).returncode == 0
    assert wsklint("check", str(warn_only), "--isolated", "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_sarif_output_file(tmp_path):
    out = tmp_path / "out.sarif"
    r = wsklint("check", str(BAD), "--isolated", "--format", "sarif", "--output", str(out), cwd=ROOT)
    assert r.returncode == 1
    doc = json.loads(out.read_text())
    assert doc["version"] == "2.1.0" and doc["runs"][0]["results"]


def test_whole_corpus_matches_annotations_through_the_cli(tmp_path):
    """`wsklint check corpus/` (each case its own driver through corpus/wsklint.toml) reports exactly
    the annotated findings (suppressed ones are in the JSON, marked, and not counted)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus_support import all_cases, case_files, parse_annotations
    r = wsklint("check", "corpus", "--format", "json", cwd=ROOT)
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(r.stdout)
    got = sorted((d["location"]["file"].split("/", 1)[1] if d["location"]["file"].startswith("corpus/")
                  else d["location"]["file"], d["location"]["line"], d["code"]) for d in data["diagnostics"]
                 if d["suppressed"] is None)
    want = sorted((str(Path(e.file).relative_to(CORPUS)), e.line, e.code)
                  for c in all_cases() for f in case_files(c) for e in parse_annotations(f)
                  if e.kind in ("expect", "spurious"))
    assert got == want


def test_missing_path_is_reported_and_the_rest_analysed(tmp_path):
    r = wsklint("check", str(BAD), str(tmp_path / "nope.c"), "--isolated", cwd=tmp_path)
    assert r.returncode == 2
    assert "nope.c: no such file or directory" in r.stderr
    assert "[WSK013]" in r.stdout


def test_broken_files_do_not_stop_the_run(tmp_path):
    (tmp_path / "blob.c").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.c").write_text("")
    (tmp_path / "latin1.c").write_bytes("/* caf\xe9 */ int f(void) { return 0; }\n".encode("latin-1"))
    (tmp_path / "drv.c").write_text(BAD.read_text())
    r = wsklint("check", ".", "--isolated", "--format", "sarif", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "blob.c: binary file" in r.stderr
    doc = json.loads(r.stdout)
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("binary" in n["message"]["text"] for n in notes)
    assert doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drv.c"


def test_directory_without_sources(tmp_path):
    (tmp_path / "readme.txt").write_text("nothing here")
    r = wsklint("check", ".", "--isolated", cwd=tmp_path)
    assert r.returncode == 0
    assert "no C or C++ sources found" in r.stderr


@pytest.mark.parametrize("args,needle", [
    (["--select", "WSK999"], "unknown rule selector 'WSK999'"),
    (["--ignore", "no-such-rule"], "unknown rule selector 'no-such-rule'"),
    (["-p", "BUILD"], "no compile_commands.json"),
    (["--wdk", "/nonexistent/kit"], "no WDK headers"),
])
def test_usage_errors_exit_2(tmp_path, args, needle):
    (tmp_path / "BUILD").mkdir()
    r = wsklint("check", str(BAD), "--isolated", *args, cwd=tmp_path)
    assert r.returncode == 2
    assert needle in r.stderr


def test_malformed_compile_database_exits_2(tmp_path):
    (tmp_path / "compile_commands.json").write_text("{not json")
    r = wsklint("check", str(BAD), "--isolated", "-p", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 2 and "not a valid compile database" in r.stderr
    (tmp_path / "compile_commands.json").write_text(json.dumps([{"file": "a.c"}]))
    r = wsklint("check", str(BAD), "--isolated", "-p", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 2 and "entry 0 needs 'directory' and 'file'" in r.stderr


def test_compile_database_flags_apply_and_plugins_are_dropped(tmp_path):
    src = tmp_path / "drv.c"
    src.write_text('#include "proj.h"\nint f(void) { return PROJ_VALUE; }\n')
    inc = tmp_path / "include"
    inc.mkdir()
    (inc / "proj.h").write_text("#define PROJ_VALUE 7\n")
    (tmp_path / "compile_commands.json").write_text(json.dumps([{
        "directory": str(tmp_path), "file": "drv.c",
        "arguments": ["clang-cl", "/Iinclude", "-fplugin=evil.so", "-Xclang", "-load", "-Xclang", "x.so", "-c", "drv.c"]}]))
    r = wsklint("check", str(src), "--isolated", "-p", str(tmp_path), "--verbose", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "proj.h" not in r.stderr             # the include path from the database was used
    assert "flag '-fplugin=evil.so' dropped" in r.stderr


def test_config_errors_exit_2(tmp_path):
    """The configuration is found from the checked path upwards."""
    (tmp_path / "drv.c").write_text(BAD.read_text())
    (tmp_path / "wsklint.toml").write_text("selct = ['WSK013']\n")
    r = wsklint("check", "drv.c", cwd=tmp_path)
    assert r.returncode == 2 and "unknown key 'selct'" in r.stderr and "wsklint.toml" in r.stderr
    (tmp_path / "wsklint.toml").write_text("severity = { WSK013 = 'fatal' }\n")
    r = wsklint("check", "drv.c", cwd=tmp_path)
    assert r.returncode == 2 and "must be one of error, warning, note" in r.stderr
    (tmp_path / "wsklint.toml").write_text("ignore = ['WSK013']\n")
    r = wsklint("check", "drv.c", cwd=tmp_path)
    assert r.returncode == 0, r.stdout


def test_rules_and_rule_commands():
    r = wsklint("rules")
    assert r.returncode == 0 and "WSK013" in r.stdout and "deregister-order" in r.stdout
    r = wsklint("rule", "WSK013")
    assert r.returncode == 0 and r.stdout.startswith("# WSK013: deregister-order")
    assert wsklint("rule", "WSK777").returncode == 2


def test_dump_model(tmp_path):
    r = wsklint("dump-model", str(BAD), "--function", "DriverUnload")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert [f["name"] for f in data["functions"]] == ["DriverUnload"]
    assert data["functions"][0]["role_types"] == ["DRIVER_UNLOAD"]


def test_debugging_commands_read_the_configuration_like_check(tmp_path):
    (tmp_path / "wsklint.toml").write_text('define = ["WITH_NET=1"]\n')
    src = tmp_path / "drv.c"
    src.write_text("#include <ntddk.h>\n#if WITH_NET\nVOID NetStart(VOID) { }\n#endif\n")
    r = wsklint("dump-model", str(src), "--no-cache", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert [f["name"] for f in json.loads(r.stdout)["functions"]] == ["NetStart"]
    (tmp_path / "wsklint.toml").write_text('unknown-key = 1\n')
    r = wsklint("callgraph", str(src), cwd=tmp_path)
    assert r.returncode == 2 and "unknown key" in r.stderr
