"""Every corpus case: the findings match the `// expect:` annotations exactly, in both directions."""
from __future__ import annotations

import re

import pytest

from corpus_support import CORPUS, AnnotationError, all_cases, case_files, compare, parse_annotations
from wsklint.config import all_rules

CASES = all_cases()
RULE_DIR = re.compile(r"^(WSK\d{3})-([a-z0-9-]+)$")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case(case, run_files):
    files = case_files(case)
    assert files, f"{case} holds no sources"
    expectations = [e for f in files for e in parse_annotations(f)]
    kind = case.name.split("_", 1)[0]
    if case.parent.name != "_frontend":
        assert kind in ("bad", "good"), f"{case.name}: corpus cases are named bad_* or good_*"
        if kind == "bad":
            assert any(e.kind == "expect" for e in expectations), f"{case.name}: a bad case needs an expect"
        else:
            assert not [e for e in expectations if e.kind != "missing"], \
                f"{case.name}: a good case carries no expect/expect-spurious annotation"
    result = run_files([str(f) for f in files])
    problems = compare(expectations, [d for d in result.diagnostics if d.suppression is None])
    assert not problems, "\n".join(problems)


def test_rule_directories_name_real_rules():
    by_code = {r.code: r for r in all_rules()}
    for d in CORPUS.iterdir():
        if not d.is_dir() or d.name.startswith("_"):
            continue
        m = RULE_DIR.match(d.name)
        assert m, f"corpus/{d.name}: expected WSKnnn-<rule-name>"
        code, name = m.groups()
        assert code in by_code, f"corpus/{d.name}: no rule {code}"
        assert by_code[code].name == name, f"corpus/{d.name}: rule {code} is named {by_code[code].name}"


def test_every_rule_has_bad_and_good_cases():
    for rule in all_rules():
        d = CORPUS / f"{rule.code}-{rule.name}"
        assert d.is_dir(), f"no corpus for {rule.code}"
        names = [p.name for p in d.iterdir()]
        assert any(n.startswith("bad_") for n in names), f"{rule.code}: no bad case"
        assert any(n.startswith("good_") for n in names), f"{rule.code}: no good case"


def test_every_rule_is_found_by_its_corpus():
    """Each rule's bad cases carry at least one expect of that very rule."""
    for rule in all_rules():
        d = CORPUS / f"{rule.code}-{rule.name}"
        codes = {e.code for c in d.iterdir() if c.name.startswith("bad_") for f in case_files(c)
                 for e in parse_annotations(f) if e.kind == "expect"}
        assert rule.code in codes, f"{rule.code}: no bad case expects it"


def test_malformed_annotations_are_errors(tmp_path):
    for text in ("x(); // expect WSK001\n", "x(); // expect: WSKX\n", "x(); // expect-missing: WSK001\n",
                 "x(); // expected: WSK001\n", "// expect: WSK001\n"):
        p = tmp_path / "bad_x.c"
        p.write_text(text)
        with pytest.raises(AnnotationError):
            parse_annotations(p)


def test_annotation_grammar(tmp_path):
    p = tmp_path / "bad_x.c"
    p.write_text('a();  // expect: WSK001, WSK002 "double free"\n'
                 '// expect: WSK003\n'
                 '\n'
                 'b();\n'
                 'c(); // expect-missing: WSK004 -- helper not followed\n')
    got = [(e.kind, e.code, e.line, e.text) for e in parse_annotations(p)]
    assert got == [("expect", "WSK001", 1, None), ("expect", "WSK002", 1, "double free"),
                   ("expect", "WSK003", 4, None), ("missing", "WSK004", 5, None)]
