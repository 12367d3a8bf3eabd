"""The pre-commit hook, for real: `pre-commit try-repo` installs wsklint from this checkout into its own
environment (dependencies from the package index, wsklint itself built from the working tree) and runs
it on a temporary repository holding a buggy and a clean driver from the corpus."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from test_cli import CORPUS, ROOT

BUGGY = CORPUS / "WSK013-deregister-order" / "bad_unload_without_deregister.c"
CLEAN = CORPUS / "WSK013-deregister-order" / "good_release_in_helper.c"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z",
           "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z"}


def git(cwd, *args):
    env = dict(os.environ, **GIT_ENV)
    env.pop("GIT_DIR", None)
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd,
                          env=env, check=True, capture_output=True, text=True).stdout.strip()


def hook_repo(dest: Path) -> str:
    """This working tree's package, hook definition and metadata as a one-commit repository (so the
    test sees uncommitted changes too); returns the commit."""
    files = git(ROOT, "ls-files", "-co", "--exclude-standard", "--", "wsklint", "pyproject.toml", "README.md",
                ".pre-commit-hooks.yaml").splitlines()
    for rel in files:
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "wsklint")
    return git(dest, "rev-parse", "HEAD")


def try_repo(project: Path, hooks: Path, rev: str, home: Path):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), **GIT_ENV)
    env.pop("WSKLINT_CACHE_DIR", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "wsklint", "--ref", rev,
                           "--color", "never"], cwd=project, env=env, capture_output=True, text=True, timeout=900)


def test_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "wsklint" and hook["language"] == "python"
    assert hook["entry"] == "wsklint check --changed"
    assert set(hook["types_or"]) == {"c", "c++"} and hook["require_serial"] is True


def test_try_repo_fails_on_the_buggy_driver_and_passes_after_the_fix(tmp_path):
    hooks = tmp_path / "wsklint"
    hooks.mkdir()
    rev = hook_repo(hooks)
    project = tmp_path / "project"
    (project / "clean").mkdir(parents=True)
    (project / "buggy").mkdir()
    shutil.copy(CLEAN, project / "clean" / "drv.c")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "clean driver")

    shutil.copy(BUGGY, project / "buggy" / "drv.c")
    (project / "clean" / "drv.c").write_text(CLEAN.read_text() + "\n/* touched */\n")
    git(project, "add", "-A")
    r = try_repo(project, hooks, rev, tmp_path / "pre-commit-home")
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "wsklint....." in out and "Failed" in out
    assert ("buggy/drv.c:16:6: error: Unload routine DriverUnload can return without calling WskDeregister"
            in out)
    assert "clean/drv.c" not in out
    assert "1 error" in out

    fixed = BUGGY.read_text().replace("        g_Listener = NULL;\n    }\n}",
                                      "        g_Listener = NULL;\n    }\n    WskDeregister(&g_Registration);\n}")
    assert fixed != BUGGY.read_text()
    (project / "buggy" / "drv.c").write_text(fixed)
    git(project, "add", "-A")
    r = try_repo(project, hooks, rev, tmp_path / "pre-commit-home")
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "Passed" in out and "error" not in out
