"""Rule pages: generated from the rules and the corpus, committed under rules/, printed by `wsklint rule`."""
from __future__ import annotations

import json
from pathlib import Path

from test_cli import BAD, ROOT, wsklint
from wsklint.config import all_rules
from wsklint.docs import generate, rule_page, write_pages
from wsklint.rules.meta import META_RULES

RULES_DIR = ROOT / "rules"
CORPUS = ROOT / "corpus"


def test_committed_pages_match_the_code():
    """Fails when a rule, its docstring or its corpus changed without regenerating the pages."""
    stale = write_pages(generate(CORPUS), RULES_DIR, dry_run=True)
    assert not stale, (f"rules/ is out of date ({', '.join(stale)}): run `wsklint docs --output rules/` "
                       "and commit the result")


def test_docs_check_command_reports_drift(tmp_path):
    out = tmp_path / "rules"
    r = wsklint("docs", "--output", str(out))
    assert r.returncode == 0 and (out / "README.md").is_file()
    assert wsklint("docs", "--output", str(out), "--check").returncode == 0
    (out / "WSK013.md").write_text("edited by hand\n")
    (out / "WSK777.md").write_text("a rule that no longer exists\n")
    r = wsklint("docs", "--output", str(out), "--check")
    assert r.returncode == 1
    assert "WSK013.md: out of date" in r.stderr and "WSK777.md: out of date" in r.stderr
    assert "regenerate with `wsklint docs" in r.stderr
    wsklint("docs", "--output", str(out))
    assert not (out / "WSK777.md").exists()
    assert wsklint("docs", "--output", str(out), "--check").returncode == 0


def test_one_page_per_rule_and_an_index():
    pages = generate(CORPUS)
    assert set(pages) == {f"{r.code}.md" for r in all_rules()} | {"README.md"}
    index = pages["README.md"]
    for r in all_rules():
        info = r.info()
        row = (f"| [{info.code}]({info.code}.md) | `{info.name}` | {info.category} | {info.severity} | "
               f"{info.precision} |")
        assert row in index
    assert index.index("## Meta codes") < index.index("[WSK900]")


def test_pages_embed_the_corpus_cases():
    page = generate(CORPUS)["WSK013.md"]
    assert "### Reported: `bad_unload_without_deregister.c`" in page
    assert "The unload routine frees the listener context but never deregisters from WSK." in page
    assert "VOID DriverUnload(PDRIVER_OBJECT DriverObject) // expect: WSK013" in page
    assert "### Not reported: `good_release_in_helper.c`" in page
    assert page.index("### Reported") < page.index("### Not reported")
    assert "## Why is this bad?" in page and "## References" in page


def test_without_the_corpus_the_page_links_to_the_published_one():
    rule = next(r for r in all_rules() if r.code == "WSK013")
    page = rule_page(rule, None, "https://docs.example/rules/")
    assert "https://docs.example/rules/WSK013.md" in page and "```c\n#include" not in page


def test_rule_command_prints_the_committed_page():
    for code in ("WSK013", META_RULES[0].code):
        r = wsklint("rule", code)
        assert r.returncode == 0
        assert r.stdout == (RULES_DIR / f"{code}.md").read_text()
    r = wsklint("rule", "deregister-order")
    assert r.stdout.startswith("# WSK013: deregister-order")


def test_help_uri_follows_docs_url(tmp_path):
    (tmp_path / "drv.c").write_text(BAD.read_text())
    (tmp_path / "wsklint.toml").write_text("docs-url = 'https://intranet.example/wsklint/rules'\n")
    doc = json.loads(wsklint("check", "drv.c", "-f", "sarif", cwd=tmp_path).stdout)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["helpUri"] for r in rules}["WSK013"] == "https://intranet.example/wsklint/rules/WSK013.md"
    doc = json.loads(wsklint("check", "drv.c", "-f", "sarif", "--isolated", cwd=tmp_path).stdout)
    uri = {r["id"]: r["helpUri"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}["WSK013"]
    assert uri.endswith("/rules/WSK013.md") and Path(RULES_DIR / "WSK013.md").is_file()
