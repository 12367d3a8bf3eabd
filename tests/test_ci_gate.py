"""The CI gate as documented: the GitHub Actions workflow's wsklint step and the plain shell recipe,
run as written on a fresh repository with a baseline, then with a new bug."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from test_cli import CORPUS, ROOT

WORKFLOW = ROOT / "docs" / "ci" / "wsklint.yml"
RECIPE = ROOT / "docs" / "ci" / "wsklint-ci.sh"
OLD_BUG = CORPUS / "WSK013-deregister-order" / "bad_unload_without_deregister.c"
NEW_BUG = CORPUS / "WSK031-address-info-pairing" / "bad_exfreepool.c"


def shell(cmd, cwd, **env):
    e = dict(os.environ, **env)
    e["PATH"] = os.path.dirname(sys.executable) + os.pathsep + e.get("PATH", "")
    e["WSKLINT_CACHE_DIR"] = str(cwd / ".cache")
    return subprocess.run(["sh", "-c", cmd], cwd=cwd, env=e, capture_output=True, text=True, timeout=300)


@pytest.fixture
def repo(tmp_path):
    """A driver repository with one accepted (baselined) finding in drivers/net/."""
    (tmp_path / "drivers" / "net").mkdir(parents=True)
    shutil.copy(OLD_BUG, tmp_path / "drivers" / "net" / "unload.c")
    return tmp_path


def workflow():
    return yaml.safe_load(WORKFLOW.read_text())


def test_workflow_uploads_sarif_under_a_category_and_gates_on_the_baseline():
    wf = workflow()
    assert wf["permissions"]["security-events"] == "write"
    steps = wf["jobs"]["wsklint"]["steps"]
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    check = next(s for s in steps if s.get("run", "").startswith("wsklint check"))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert steps.index(install) < steps.index(check) < steps.index(upload)
    assert "--baseline wsklint-baseline.json" in check["run"] and "--sarif wsklint.sarif" in check["run"]
    assert "!cancelled()" in upload["if"]            # uploads even when the gate failed
    assert upload["with"]["sarif_file"] == "wsklint.sarif"
    assert upload["with"]["category"] == "${{ env.WSKLINT_CATEGORY }}"


def test_workflow_step_as_written(repo):
    wf = workflow()
    check = next(s for s in wf["jobs"]["wsklint"]["steps"] if s.get("run", "").startswith("wsklint check"))
    env = {"WSKLINT_CATEGORY": wf["env"]["WSKLINT_CATEGORY"]}
    assert shell("wsklint check . --write-baseline wsklint-baseline.json", repo).returncode == 0
    r = shell(check["run"], repo, **env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""                         # accepted findings are not annotated
    shutil.copy(NEW_BUG, repo / "drivers" / "net" / "resolve.c")
    r = shell(check["run"], repo, **env)
    assert r.returncode == 1
    assert r.stdout.startswith("::error file=drivers/net/resolve.c,line=20,") and r.stdout.count("::error") == 1
    run = json.loads((repo / "wsklint.sarif").read_text())["runs"][0]
    assert run["automationDetails"]["id"] == "wsklint/"
    assert sorted(x["baselineState"] for x in run["results"]) == ["new", "unchanged"]


def test_shell_recipe(repo):
    r = shell(f"sh {RECIPE}", repo)
    assert r.returncode == 1 and "no wsklint-baseline.json" in r.stderr
    assert "drivers/net/unload.c:16:6: error:" in r.stdout
    shell("wsklint check . --write-baseline wsklint-baseline.json", repo)
    r = shell(f"sh {RECIPE}", repo)
    assert r.returncode == 0, r.stdout + r.stderr
    shutil.copy(NEW_BUG, repo / "drivers" / "net" / "resolve.c")
    r = shell(f"sh {RECIPE} drivers", repo, WSKLINT_SARIF="gate.sarif")
    assert r.returncode == 1 and "drivers/net/resolve.c:20:9: error:" in r.stdout
    assert "unload.c" not in r.stdout
    assert json.loads((repo / "gate.sarif").read_text())["runs"][0]["automationDetails"]["id"] == "wsklint/"
    (repo / "wsklint.toml").write_text("selct = []\n")
    assert shell(f"sh {RECIPE}", repo).returncode == 2


def test_readme_points_to_the_recipes():
    readme = (ROOT / "README.md").read_text()
    assert "docs/ci/wsklint.yml" in readme and "docs/ci/wsklint-ci.sh" in readme
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert f"- id: {hook['id']}" in readme
