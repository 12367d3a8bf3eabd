"""The README's set-up commands stay true: CI runs exactly its test command."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    cmd = "python -m pip install -e '.[dev]' && python -m pytest -q"
    assert f"```sh\n{cmd}\n```" in readme
    assert cmd in ci.splitlines()
    assert "python3 -m pip install . && wsklint check corpus/" in readme
