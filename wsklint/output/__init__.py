"""Renderers: pure functions of a RunResult."""
from . import github, json_out, sarif, text

FORMATS = {"text": text.render, "json": json_out.render, "sarif": sarif.render, "github": github.render}
