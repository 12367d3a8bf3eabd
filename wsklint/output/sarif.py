"""SARIF 2.1.0, shaped for GitHub code scanning (one run, relative URIs under %SRCROOT%)."""
from __future__ import annotations

import json
import os
from pathlib import PurePath

import attr
import sarif_om as so

from ..model import Loc
from ..result import RunResult, inside

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25000            # GitHub rejects more results per run
MAX_FLOW_LOCATIONS = 1000      # GitHub keeps at most this many thread-flow locations
MAX_RELATED = 100              # ... related locations per result
MAX_TAGS = 20                  # ... tags per rule (it rejects more)
LEVEL = {"error": "error", "warning": "warning", "note": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "note": "recommendation"}


def _to_json(obj):
    if attr.has(type(obj)):
        out = {}
        for f in attr.fields(type(obj)):
            v = getattr(obj, f.name)
            if v is None or (f.default is not attr.NOTHING and not isinstance(f.default, attr.Factory)
                             and v == f.default and f.name not in ("level", "kind")):
                continue
            out[f.metadata.get("schema_property_name", f.name)] = _to_json(v)
        return out
    if isinstance(obj, dict):
        return {k: _to_json(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [_to_json(v) for v in obj]
    return obj


def _uri(path: str, root: str) -> str:
    return PurePath(inside(path, root) or os.path.basename(path)).as_posix()   # never absolute paths


def _region(loc) -> so.Region | None:
    if not loc.line:
        return None
    r = so.Region(start_line=loc.line, start_column=max(1, loc.col))
    if loc.end_line and (loc.end_line, loc.end_col) > (loc.line, loc.col):
        r.end_line = loc.end_line
        r.end_column = max(1, loc.end_col)
    return r


def _location(loc, root, message: str | None = None, ident: int | None = None) -> so.Location:
    pl = so.PhysicalLocation(artifact_location=so.ArtifactLocation(uri=_uri(loc.file, root), uri_base_id="%SRCROOT%"),
                             region=_region(loc))
    out = so.Location(physical_location=pl)
    if message:
        out.message = so.Message(text=message)
    if ident is not None:
        out.id = ident
    return out


def _rule(info) -> so.ReportingDescriptor:
    tags = [info.category] + (["security"] if info.security_severity else []) + list(info.tags)
    props = {"tags": list(dict.fromkeys(tags))[:MAX_TAGS], "precision": info.precision,
             "problem.severity": PROBLEM_SEVERITY[info.severity]}
    if info.security_severity:
        props["security-severity"] = str(info.security_severity)
    full = info.doc.split("\n\n")[1] if "\n\n" in info.doc else info.summary
    return so.ReportingDescriptor(
        id=info.code, name=_camel(info.name),
        short_description=so.MultiformatMessageString(text=info.summary),
        full_description=so.MultiformatMessageString(text=_plain(full)[:1000]),
        help=so.MultiformatMessageString(text=info.help or info.summary, markdown=info.doc),
        help_uri=info.help_uri or None,
        default_configuration=so.ReportingConfiguration(level=LEVEL[info.severity]),
        properties=props)


def _camel(name: str) -> str:
    parts = name.split("-")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def _plain(md: str) -> str:
    return " ".join(md.replace("`", "").replace("#", "").split())


def render(result: RunResult, category: str | None = None) -> str:
    return json.dumps(to_dict(result, category), indent=2)


def to_dict(result: RunResult, category: str | None = None) -> dict:
    root = result.root
    index = {r.code: i for i, r in enumerate(result.rules)}
    results = []
    diags = result.diagnostics
    truncated = max(0, len(diags) - MAX_RESULTS)
    for d in diags[:MAX_RESULTS]:
        r = so.Result(message=so.Message(text=d.message), rule_id=d.code, level=LEVEL[d.severity],
                      locations=[_location(d.loc, root)],
                      partial_fingerprints={"wsklint/v1": d.fingerprint, "primaryLocationLineHash": d.fingerprint})
        if d.code in index:
            r.rule_index = index[d.code]
        if d.trace:
            steps = d.trace[:MAX_FLOW_LOCATIONS]
            r.code_flows = [so.CodeFlow(thread_flows=[so.ThreadFlow(locations=[
                so.ThreadFlowLocation(location=_location(s.loc, root, s.note), nesting_level=0,
                                      execution_order=i + 1)
                for i, s in enumerate(steps)])])]
        if d.related:
            r.related_locations = [_location(s.loc, root, s.note, i + 1)
                                   for i, s in enumerate(d.related[:MAX_RELATED])]
        if d.suppression is not None:
            sup = d.suppression
            r.suppressions = [so.Suppression(kind="inSource" if sup.kind == "inSource" else "external",
                                             justification=sup.justification or None,
                                             location=_location(sup.loc, root) if sup.loc else None)]
        if result.baseline:
            r.baseline_state = "new" if d.new else "unchanged"
        if d.fixes:
            r.fixes = [so.Fix(description=so.Message(text=f.description), artifact_changes=_changes(f, root))
                       for f in d.fixes]
        results.append(r)
    notes = [so.Notification(message=so.Message(text=n.message), level=n.level if n.level in LEVEL else "note",
                             descriptor=so.ReportingDescriptorReference(id=n.code) if n.code else None,
                             locations=[_location(Loc(n.file, n.line, 1), root)] if n.file and os.path.isabs(n.file)
                             else None)
             for n in result.notifications]
    if truncated:
        notes.append(so.Notification(level="warning", message=so.Message(
            text=f"{truncated} results were left out: GitHub accepts at most {MAX_RESULTS} results per run")))
    invocation = so.Invocation(execution_successful=not any(n.level == "error" and n.code == "rule-error"
                                                            for n in result.notifications),
                               tool_execution_notifications=notes or None)
    run = so.Run(
        tool=so.Tool(driver=so.ToolComponent(name="wsklint", version=result.tool_version,
                                             semantic_version=result.tool_version,
                                             information_uri="https://github.com/wsklint/wsklint",
                                             rules=[_rule(i) for i in result.rules])),
        results=results, invocations=[invocation], column_kind="unicodeCodePoints")
    if category:
        run.automation_details = so.RunAutomationDetails(id=category.rstrip("/") + "/")
    log = so.SarifLog(version="2.1.0", schema_uri=SCHEMA, runs=[run])
    out = _to_json(log)
    out["$schema"] = SCHEMA
    return out


def _changes(fix, root):
    by_file: dict[str, list] = {}
    for rep in fix.replacements:
        by_file.setdefault(rep.loc.file, []).append(rep)
    out = []
    for f, reps in by_file.items():
        out.append(so.ArtifactChange(
            artifact_location=so.ArtifactLocation(uri=_uri(f, root), uri_base_id="%SRCROOT%"),
            replacements=[so.Replacement(deleted_region=_del_region(r.loc),
                                         inserted_content=so.ArtifactContent(text=r.text)) for r in reps]))
    return out


def _del_region(loc):
    end_line = loc.end_line or loc.line
    end_col = loc.end_col or loc.col
    return so.Region(start_line=loc.line, start_column=loc.col, end_line=end_line, end_column=end_col)
