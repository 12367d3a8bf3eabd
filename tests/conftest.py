from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wsklint.config import Settings  # noqa: E402
from wsklint.engine import Engine  # noqa: E402
from wsklint.frontend import FrontendOptions  # noqa: E402


@pytest.fixture(scope="session")
def engine():
    """An engine that parses in this process without a cache (fast, and every test sees fresh models)."""
    eng = Engine(Settings(frontend=FrontendOptions(jobs=-1, use_cache=False)))
    yield eng
    eng.close()


@pytest.fixture
def run_files(engine):
    def run(paths):
        return engine.run(paths)
    return run


@pytest.fixture
def write_driver(tmp_path):
    """Write a small driver source into a temporary folder and return its path."""
    def write(text: str, name: str = "drv.c") -> str:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
        return str(p)
    return write
