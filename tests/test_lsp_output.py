"""The LSP renderer (a pure function of the result model) and the server's analysis cache."""
from __future__ import annotations

import os

from wsklint.lsp.analyzer import Analyzer, ClientSettings
from wsklint.model import Loc
from wsklint.output.lsp import file_uri, render_diagnostics
from wsklint.result import Diagnostic, Fix, Replacement, RuleInfo, RunResult, Suppression, TraceStep


def _result(path, loc=None, **kw):
    d = Diagnostic(code="WSK013", name="deregister-order", severity="warning", message="m",
                   loc=loc or Loc(path, 2, 9, 2, 13), **kw)
    info = RuleInfo("WSK013", "deregister-order", "lifecycle", "error", "high", "s", "h", "d",
                    help_uri="https://example.invalid/rules/WSK013.md")
    return RunResult(root="/", diagnostics=[d], files=[path], rules=[info])


def test_positions_are_zero_based_utf16_and_related_information_carries_the_trace():
    path = "/src/drv.c"
    src = "x\n/* é😀 */ Wsk(a);\n"       # 2 + 4 bytes before the call, 1 + 2 UTF-16 units
    line = src.splitlines()[1]
    col = len(line[:line.index("Wsk")].encode("utf-8")) + 1          # the front end's byte column
    utf16 = len(line[:line.index("Wsk")].encode("utf-16-le")) // 2
    assert (col, utf16) == (14, 10)
    res = _result(path, Loc(path, 2, col, 2, col + 3),
                  trace=[TraceStep(Loc(path, 1, 1), "first"), TraceStep(Loc(path, 2, col + 4), "then")])
    [d] = render_diagnostics(res, {path: src})[path]
    assert d["range"] == {"start": {"line": 1, "character": utf16}, "end": {"line": 1, "character": utf16 + 3}}
    assert d["severity"] == 2 and d["code"] == "WSK013" and d["source"] == "wsklint"
    assert d["codeDescription"] == {"href": "https://example.invalid/rules/WSK013.md"}
    assert [r["message"] for r in d["relatedInformation"]] == ["first", "then"]
    # a point location underlines the word there
    assert d["relatedInformation"][1]["location"] == {"uri": file_uri(path), "range": {
        "start": {"line": 1, "character": utf16 + 4}, "end": {"line": 1, "character": utf16 + 5}}}


def test_fixes_become_workspace_edits_and_suppressed_findings_are_not_shown():
    path = "/src/drv.c"
    fix = Fix("Release first", [Replacement(Loc(path, 2, 1), "WskReleaseProviderNPI(&r);\n"),
                                Replacement(Loc(path, 3, 5, 3, 8), "Foo")])
    [d] = render_diagnostics(_result(path, fixes=[fix]), uri=lambda p: "mem:" + p)[path]
    assert d["data"]["fixes"] == [{"title": "Release first", "changes": {"mem:/src/drv.c": [
        {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
         "newText": "WskReleaseProviderNPI(&r);\n"},
        {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 7}}, "newText": "Foo"}]}}]
    assert render_diagnostics(_result(path, suppression=Suppression("inSource", "why")))[path] == []


def test_an_edit_reparses_only_the_edited_file(tmp_path):
    a = tmp_path / "a.c"
    b = tmp_path / "b.c"
    a.write_text("#include <ntddk.h>\nvoid A(void) { }\n")
    b.write_text("#include <ntddk.h>\nvoid B(void) { }\n")
    an = Analyzer(ClientSettings())
    try:
        first = an.check(str(b), {str(b): b.read_text()})
        assert sorted(first.unit) == [str(a), str(b)] and first.parsed == 2
        [ctx] = an.contexts.values()
        model_a = ctx.models[str(a)][1]
        again = an.check(str(b), {str(b): "#include <ntddk.h>\nvoid B(void) { A(); }\n"})
        assert again.parsed == 1 and ctx.models[str(a)][1] is model_a
        assert [f.name for f in ctx.models[str(b)][1].functions] == ["B"]
        os.utime(a, ns=(1, 1))         # the file changed on disk: parsed again
        assert an.check(str(b), {}).parsed == 2
    finally:
        an.close()


def test_exclude_globs_are_relative_to_the_configuration_not_the_server_directory(tmp_path, monkeypatch):
    drv = tmp_path / "drv"
    (drv / "gen").mkdir(parents=True)
    (tmp_path / "wsklint.toml").write_text('exclude = ["drv/gen"]\n')
    main = drv / "main.c"
    main.write_text("#include <ntddk.h>\nvoid A(void) { }\n")
    (drv / "other.c").write_text("#include <ntddk.h>\nvoid B(void) { }\n")
    (drv / "gen" / "table.c").write_text("#include <ntddk.h>\nvoid C(void) { }\n")
    elsewhere = tmp_path / "editor"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)     # the server runs in the extension's folder
    an = Analyzer(ClientSettings())
    try:
        ctx = an.context(str(main))
        assert an.unit_for(ctx, str(drv / "gen" / "table.c")) == []
        assert sorted(an.unit_for(ctx, str(main))) == [str(main), str(drv / "other.c")]
    finally:
        an.close()
