"""Inline suppressions: the comment grammar, what they suppress, and the meta findings about them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import BAD, wsklint
from wsklint.config import Settings
from wsklint.engine import Engine
from wsklint.frontend import FrontendOptions
from wsklint.output import sarif, text
from wsklint.suppress import parse, source_text

# BAD reports WSK013 on line 16 (`VOID DriverUnload(...)`).
UNLOAD = "VOID DriverUnload(PDRIVER_OBJECT DriverObject)"


def directives(src: str):
    return parse(source_text(src.encode()), "x.c")


def test_trailing_comment_applies_to_its_line():
    (d,) = directives("int a;\nf(); // wsklint: ignore[WSK013] reviewed\n")
    assert (d.target, d.words, d.reason, d.error) == (2, ["WSK013"], "reviewed", "")


def test_comment_alone_applies_to_the_next_code_line():
    src = "int a;\n// wsklint: ignore[WSK013, deregister-order] why\n\n// other comment\n/* more */\nf();\n"
    (d,) = directives(src)
    assert d.target == 6 and d.words == ["WSK013", "deregister-order"]


def test_block_comments_file_form_and_reason_punctuation():
    src = ("/* wsklint: ignore-file[WSK031] -- generated code */\n"
           "f(); /* wsklint: ignore[WSK002]: owner frees it */ g();\n"
           "/*\n * wsklint: ignore[WSK003] spans\n * lines\n */\nh();\n")
    a, b, c = directives(src)
    assert a.target is None and a.reason == "generated code"
    assert b.target == 2 and b.reason == "owner frees it"
    assert c.target == 7 and c.reason == "spans * lines" and c.loc.line == 3


def test_strings_and_ordinary_comments_are_not_directives():
    src = 'const char *s = "// wsklint: ignore[WSK013] no";\nchar c = \'"\'; // not wsklint: ignore[WSK013]\n'
    assert directives(src) == []


def test_malformed_and_blanket_forms_are_errors():
    a, b = directives("f(); // wsklint: ignore everything\ng(); // wsklint: ignore[] x\n")
    assert a.error.startswith("expected 'ignore[CODES] reason'") and b.error == "no rule named in the brackets"


def test_line_numbers_follow_clang_for_crlf_and_cr():
    (d,) = directives("a;\r\nb;\rc; // wsklint: ignore[WSK013] r\r\n")
    assert d.target == 3


@pytest.fixture
def checked(tmp_path):
    """Run the engine on BAD with `edit(lines)` applied, with optional settings."""
    def run(edit, **settings):
        lines = BAD.read_text().splitlines()
        edit(lines)
        src = tmp_path / "drv.c"
        src.write_text("\n".join(lines) + "\n")
        eng = Engine(Settings(frontend=FrontendOptions(jobs=-1, use_cache=False), config_dir=str(tmp_path),
                              **settings))
        try:
            return eng.run([str(src)])
        finally:
            eng.close()
    return run


def _line(lines, text):
    return next(i for i, ln in enumerate(lines) if ln.startswith(text))


def on_unload(comment, before=False):
    def edit(lines):
        i = _line(lines, UNLOAD)
        if before:
            lines.insert(i, comment)
        else:
            lines[i] = UNLOAD + " " + comment
    return edit


def codes(result):
    return sorted((d.code, d.suppression is not None) for d in result.diagnostics)


def test_suppression_with_reason(checked):
    res = checked(on_unload("// wsklint: ignore[WSK013] unload waits for the worker, which deregisters"))
    assert codes(res) == [("WSK013", True)]
    assert res.failing() == []
    assert "1 suppressed" in text.render(res) and "[WSK013]" not in text.render(res)
    r = sarif.to_dict(res)["runs"][0]["results"][0]
    assert r["suppressions"][0]["kind"] == "inSource"
    assert r["suppressions"][0]["justification"] == "unload waits for the worker, which deregisters"


def test_suppression_on_the_line_before_by_rule_name(checked):
    res = checked(on_unload("// wsklint: ignore[deregister-order] reviewed", before=True))
    assert codes(res) == [("WSK013", True)]


def test_suppression_without_reason_is_honoured_and_reported(checked):
    res = checked(on_unload("/* wsklint: ignore[WSK013] */"))
    assert codes(res) == [("WSK013", True), ("WSK901", False)]
    (meta,) = res.failing()
    assert meta.message == "suppression of WSK013 gives no reason" and meta.loc.line == 16


def test_unused_suppression_is_reported(checked):
    def edit(lines):
        on_unload("// wsklint: ignore[WSK013] reviewed")(lines)
        i = _line(lines, "NTSTATUS DriverEntry")
        lines.insert(i, "// wsklint: ignore[WSK031, WSK013] nothing to suppress here")
    res = checked(edit)
    (unused,) = [d for d in res.diagnostics if d.code == "WSK900"]
    assert unused.message.startswith("suppression of WSK031, WSK013 matched no finding")
    assert unused.severity == "warning" and unused.fingerprint


def test_file_level_suppression(checked):
    res = checked(lambda lines: lines.insert(1, "// wsklint: ignore-file[WSK013] legacy driver, tracked in #12"))
    assert codes(res) == [("WSK013", True)]


def test_unknown_code_suppresses_nothing(checked):
    res = checked(on_unload("// wsklint: ignore[WSK0013] typo"))
    assert codes(res) == [("WSK013", False), ("WSK902", False)]


def test_rules_that_did_not_run_do_not_make_suppressions_unused(checked):
    def stale(lines):   # the bug is fixed, the file-level suppression stays
        lines.insert(lines.index("}", _line(lines, UNLOAD)), "    WskDeregister(&g_Registration);")
        lines.insert(1, "// wsklint: ignore-file[WSK013] reviewed")
    assert codes(checked(stale)) == [("WSK900", False)]
    assert codes(checked(stale, ignore=["WSK013"])) == []
    assert codes(checked(stale, per_file_ignores={"drv.c": ["WSK013"]})) == []
    assert codes(checked(stale, per_file_ignores={"*.c": ["WSK900"]})) == []   # the meta code itself


def test_severity_override_applies_to_meta_codes(checked):
    res = checked(on_unload("// wsklint: ignore[WSK013]"), severity={"WSK9": "note"})
    assert [d.severity for d in res.diagnostics if d.code == "WSK901"] == ["note"]
    assert res.failing("warning") == []


def test_cli_exit_codes_and_outputs(tmp_path):
    lines = BAD.read_text().splitlines()
    on_unload("// wsklint: ignore[WSK013] reviewed in review 42")(lines)
    (tmp_path / "drv.c").write_text("\n".join(lines) + "\n")
    r = wsklint("check", "drv.c", "--isolated", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == "wsklint: 1 file checked, no findings (1 suppressed)\n"
    r = wsklint("check", "drv.c", "--isolated", "-f", "github", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == ""
    r = wsklint("check", "drv.c", "--isolated", "-f", "json", cwd=tmp_path)
    (d,) = json.loads(r.stdout)["diagnostics"]
    assert d["suppressed"]["justification"] == "reviewed in review 42"
    assert d["suppressed"]["location"] == {"file": "drv.c", "line": 16, "column": 48, "end_line": 16,
                                           "end_column": 96}


def test_meta_codes_listed_apart_and_documented():
    r = wsklint("rules")
    catalog, meta = r.stdout.split("\nMeta codes")
    assert "WSK900" not in catalog and "WSK013" in catalog
    assert all(c in meta for c in ("WSK900", "WSK901", "WSK902"))
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert all(c in readme for c in ("WSK900", "WSK901", "WSK902"))
