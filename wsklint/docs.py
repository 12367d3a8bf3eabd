"""Rule documentation pages, generated from the rules' metadata and docstrings."""
from __future__ import annotations


def rule_page(rule) -> str:
    info = rule.info()
    doc = info.doc
    body = doc.split("\n", 1)[1].strip() if "\n" in doc else ""
    lines = [
        f"# {info.code}: {info.name}",
        "",
        f"**{info.summary}**",
        "",
        "| code | name | category | severity | precision |",
        "| --- | --- | --- | --- | --- |",
        f"| {info.code} | `{info.name}` | {info.category} | {info.severity} | {info.precision} |",
        "",
        body,
        "",
    ]
    return "\n".join(lines)
