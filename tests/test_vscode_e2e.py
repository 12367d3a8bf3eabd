"""The VS Code extension end to end: packaged as a .vsix, installed into code-server (real VS Code in a
browser), driven in Debian's chromium by playwright-core (vscode-extension/e2e/run.mjs).

It checks that a buggy driver's finding reaches the Problems panel with its text, that the quick fix
menu offers and inserts the suppression comment, that an untrusted workspace's own `wsklint.path` is
not run (while a trusted one's is, and the user's server still works), and it measures keystroke-to-Problems-panel time on a
~3,000-line file (recorded in test-artifacts/editor-latency.json, not asserted: speed targets belong
to benchmarks). Screenshots go to test-artifacts/. `.ci/run` installs what this needs; where something
is missing or the browser cannot start, the test is skipped with the reason.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_support import CORPUS, parse_annotations

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "vscode-extension"
E2E = EXT / "e2e"
ARTIFACTS = ROOT / "test-artifacts"
CASE = CORPUS / "WSK013-deregister-order" / "bad_npi_held_same_function.c"
ROUNDS = 3

sys.path.insert(0, str(ROOT / "bench"))
from large_driver import BUG_LINE, bug_function, bug_lines, generate  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing() -> str | None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "node/npm not found (.ci/run installs the editor test's tools)"
    if not (EXT / "node_modules").is_dir():
        return "vscode-extension/node_modules missing: run `npm ci` in vscode-extension (.ci/run does)"
    if not (E2E / "node_modules" / "code-server").is_dir():
        return "code-server not installed: run `npm ci` in vscode-extension/e2e (.ci/run does)"
    return None


def test_extension_in_code_server(tmp_path):
    why = _missing()
    if why:
        pytest.skip(f"VS Code end-to-end test not run: {why}")
    build = subprocess.run(["npm", "run", "package"], cwd=EXT, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    vsix = EXT / "wsklint.vsix"

    ws = tmp_path / "workspace"
    (ws / "demo").mkdir(parents=True)
    (ws / "big").mkdir()
    # the corpus case without its test annotations, as a user would have it
    [exp] = [e for e in parse_annotations(CASE) if e.code == "WSK013"]
    (ws / "demo" / "bad_driver.c").write_text(re.sub(r"[ \t]*// expect:[^\n]*", "", CASE.read_text()))
    big = generate(3000)
    (ws / "big" / "channels.c").write_text(big)
    lines = bug_lines(big, ROUNDS)
    wsklint = Path(sys.executable).with_name("wsklint")
    assert wsklint.exists(), f"{wsklint}: the server the extension is to run"
    # the workspace names a server of its own: a wrapper that leaves a mark, then runs the real one
    marker = tmp_path / "workspace-server-ran"
    wrapper = tmp_path / "workspace-server.sh"
    wrapper.write_text(f'#!/bin/sh\necho ran >> "{marker}"\nexec "{wsklint}" "$@"\n')
    wrapper.chmod(0o755)
    (ws / ".vscode").mkdir()
    (ws / ".vscode" / "settings.json").write_text(json.dumps({"wsklint.path": [str(wrapper)]}))

    out_dir = ARTIFACTS / "vscode"
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = ["node", str(E2E / "run.mjs"), "--vsix", str(vsix), "--workspace", str(ws),
           "--bad", "demo/bad_driver.c", "--bad-line", str(exp.line), "--expect", exp.text,
           "--big", "big/channels.c", "--bug-lines", ",".join(map(str, lines)), "--bug-text", BUG_LINE,
           "--big-expect", ",".join(f"reachable from {bug_function(big, n)}" for n in lines),
           "--wsklint", str(wsklint), "--artifacts", str(out_dir), "--marker", str(marker),
           "--port", str(_free_port()), "--port2", str(_free_port())]
    env = {**os.environ, "WSKLINT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=420)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(f"the browser test did not finish in 420 s\n{stdout[-3000:]}\n{stderr[-3000:]}")
    last = stdout.strip().splitlines()[-1] if stdout.strip() else "{}"
    try:
        res = json.loads(last)
    except json.JSONDecodeError:
        res = {}
    if proc.returncode == 77:
        pytest.skip(f"VS Code end-to-end test not run: {res.get('skip', stderr.strip()[-500:])}")
    assert proc.returncode == 0 and res.get("ok"), \
        f"exit {proc.returncode}: {res.get('error')}\nsteps: {res.get('steps')}\n{stderr[-3000:]}"

    problems = " | ".join(res["problems"])
    assert "WSK013" in problems and exp.text in problems and "WskDeregister is called while" in problems
    assert "provider NPI captured here" in problems            # the trace, as related information
    assert "Suppress WSK013 on this line (wsklint: ignore)" in res["quickfixes"]
    assert "Show documentation for WSK013" in res["quickfixes"]
    assert res["suppression_inserted"] and res["suppressed_in_problems"]
    assert len(res["latencies_ms"]) == ROUNDS
    # workspace trust: a trusted workspace's own server setting is used (so the mark can appear) ...
    assert res["trusted_ran_workspace_server"]
    # ... an untrusted one's is not, and the user's server still shows the finding
    assert res["untrusted_problem_shown"] and not res["untrusted_ran_workspace_server"]
    (ARTIFACTS / "editor-latency.json").write_text(json.dumps({
        "file_lines": big.count("\n"), "bug_lines": lines, "keystroke_to_problems_panel_ms": res["latencies_ms"],
        "steps": res["steps"]}, indent=2))
    for shot in res["screenshots"]:
        assert Path(shot).stat().st_size > 10000, f"{shot}: blank screenshot?"
