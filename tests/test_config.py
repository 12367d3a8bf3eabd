"""Configuration: every key does what it says, the command line overrides it, and mistakes exit 2
naming the file, the key and what is allowed."""
from __future__ import annotations

import json

import pytest

from test_cli import BAD, CORPUS, wsklint

WARN_ONLY = CORPUS / "WSK014-registration-pairing" / "bad_register_in_retry_loop.c"
# BAD with the deregistration depending on a macro: found unless DEREGISTER_ON_UNLOAD is 1.
GUARDED = BAD.read_text().replace(
    "        g_Listener = NULL;\n    }\n}",
    "        g_Listener = NULL;\n    }\n#if DEREGISTER_ON_UNLOAD\n    WskDeregister(&g_Registration);\n#endif\n}")


def codes(r):
    return sorted({d["code"] for d in json.loads(r.stdout)["diagnostics"]})


@pytest.fixture
def project(tmp_path):
    def make(toml: str, files: dict | None = None, name: str = "wsklint.toml"):
        (tmp_path / name).write_text(toml)
        for rel, text in (files or {"src/drv.c": BAD.read_text()}).items():
            p = tmp_path / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text)
        return tmp_path
    return make


@pytest.mark.parametrize("toml,needles", [
    ("selct = ['WSK013']", ["unknown key 'selct'", "allowed: baseline, compile-commands, define"]),
    ("select = 3", ["'select' must be a string or a list of strings"]),
    ("select = ['WSK999']", ["'select': unknown rule selector 'WSK999'", "a prefix such as WSK01"]),
    ("ignore = ['no-such-rule']", ["'ignore': unknown rule selector 'no-such-rule'"]),
    ("per-file-ignores = { 'tests/*' = ['WSK0139'] }", ["'per-file-ignores.tests/*': unknown rule selector 'WSK0139'"]),
    ("severity = { WSK013 = 'fatal' }", ["'severity.WSK013' must be one of error, warning, note, got 'fatal'"]),
    ("severity = { WSK077 = 'note' }", ["'severity': unknown rule selector 'WSK077'"]),
    ("timeout = -1", ["'timeout' must be a positive number, got -1"]),
    ("fail-on = 'fatal'", ["'fail-on' must be one of error, warning, note"]),
    ("sarif-category = ''", ["'sarif-category' must be a non-empty string"]),
    ("select = 'WSK01'\nselect = 'WSK02'\n", ["invalid TOML"]),
])
def test_mistakes_exit_2_naming_file_key_and_allowed(project, toml, needles):
    root = project(toml)
    r = wsklint("check", "src", cwd=root)
    assert r.returncode == 2, r.stdout
    assert "wsklint.toml" in r.stderr
    for n in needles:
        assert n in r.stderr


def test_pyproject_table_found_from_the_checked_path_upwards(project):
    root = project("[project]\nname = 'drv'\n[tool.wsklint]\nselect = ['WSK031']\n", name="pyproject.toml")
    assert wsklint("check", "src/drv.c", cwd=root).returncode == 0       # WSK013 not selected
    assert wsklint("check", "drv.c", cwd=root / "src").returncode == 0   # found from below too
    assert wsklint("check", "src/drv.c", "--isolated", cwd=root).returncode == 1
    (root / "pyproject.toml").write_text("[tool.wsklint]\nunknown = 1\n")
    r = wsklint("check", "src/drv.c", cwd=root)
    assert r.returncode == 2 and "pyproject.toml: unknown key 'unknown'" in r.stderr


def test_select_and_ignore_by_code_prefix_and_name(project):
    root = project("select = ['WSK01']\nignore = ['deregister-order']\n")
    r = wsklint("check", "src", "-f", "json", cwd=root)
    assert r.returncode == 0 and codes(r) == []
    r = wsklint("check", "src", "-f", "json", "--select", "deregister-order", cwd=root)   # CLI select replaces
    assert codes(r) == []                                                                 # ... config ignore stays
    root = project("select = ['WSK031']\n")
    r = wsklint("check", "src", "-f", "json", "--select", "WSK013", cwd=root)
    assert codes(r) == ["WSK013"]


def test_per_file_ignores_relative_to_the_configuration(project):
    root = project("per-file-ignores = { 'legacy/*' = ['WSK013'] }\n",
                   {"legacy/old.c": BAD.read_text(), "src/drv.c": BAD.read_text()})
    (root / "wsklint.toml").write_text((root / "wsklint.toml").read_text() + "drivers = ['legacy', 'src']\n")
    r = wsklint("check", ".", "-f", "json", cwd=root / "src")
    files = [d["location"]["file"] for d in json.loads(r.stdout)["diagnostics"]]
    assert files == ["drv.c"]


def test_severity_overrides_most_specific_wins(project):
    root = project("severity = { WSK01 = 'note', WSK013 = 'warning' }\n",
                   {"src/drv.c": BAD.read_text(), "src/retry.c": WARN_ONLY.read_text()})
    (root / "wsklint.toml").write_text((root / "wsklint.toml").read_text() + "drivers = ['src/*']\n")
    r = wsklint("check", "src", "-f", "json", cwd=root)
    sev = {d["code"]: d["severity"] for d in json.loads(r.stdout)["diagnostics"]}
    assert sev == {"WSK013": "warning", "WSK014": "note"}
    assert wsklint("check", "src", "--fail-on", "error", cwd=root).returncode == 0


def test_include_define_and_command_line_define(project):
    root = project("", {"src/drv.c": '#include "options.h"\n' + GUARDED,
                        "inc/options.h": "#define DEREGISTER_ON_UNLOAD 1\n",
                        "inc_checked/options.h": "#define DEREGISTER_ON_UNLOAD 0\n"})
    assert wsklint("check", "src", cwd=root).returncode == 1      # which options.h? none: the bug path
    (root / "wsklint.toml").write_text("include = ['inc']\n")
    assert wsklint("check", "src", cwd=root).returncode == 0
    (root / "src" / "drv.c").write_text(GUARDED)
    (root / "wsklint.toml").write_text("define = ['DEREGISTER_ON_UNLOAD=1']\n")
    assert wsklint("check", "src", cwd=root).returncode == 0
    r = wsklint("check", "src", "-D", "DEREGISTER_ON_UNLOAD=0", cwd=root)       # the command line wins
    assert r.returncode == 1, r.stdout


def test_exclude_globs_match_folders_and_files(project):
    root = project("exclude = ['third_party', '*_gen.c']\n",
                   {"third_party/lib/x.c": BAD.read_text(), "src/tables_gen.c": BAD.read_text(),
                    "src/drv.c": "int f(void) { return 0; }\n"})
    r = wsklint("check", ".", "-f", "json", cwd=root)
    assert r.returncode == 0 and json.loads(r.stdout)["files"] == ["src/drv.c"]


def test_fail_on_and_sarif_category_from_configuration_and_overrides(project):
    root = project("fail-on = 'error'\nsarif-category = 'drivers/wsk'\n", {"src/retry.c": WARN_ONLY.read_text()})
    assert wsklint("check", "src", cwd=root).returncode == 0
    assert wsklint("check", "src", "--fail-on", "warning", cwd=root).returncode == 1
    doc = json.loads(wsklint("check", "src", "-f", "sarif", cwd=root).stdout)
    assert doc["runs"][0]["automationDetails"]["id"] == "drivers/wsk/"
    doc = json.loads(wsklint("check", "src", "-f", "sarif", "--sarif-category", "nightly", cwd=root).stdout)
    assert doc["runs"][0]["automationDetails"]["id"] == "nightly/"


def test_explicit_config_file_and_isolated(project, tmp_path):
    root = project("select = ['WSK031']\n")
    other = tmp_path / "elsewhere.toml"
    other.write_text("[tool.wsklint]\nignore = ['WSK013']\n")
    assert wsklint("check", "src", "--isolated", cwd=root).returncode == 1
    assert wsklint("check", "src", "--config", str(other), cwd=root).returncode == 0
    r = wsklint("check", "src", "--config", "missing.toml", cwd=root)
    assert r.returncode == 2 and "missing.toml: no such file" in r.stderr
