"""Renderers: pure functions of a RunResult."""
from . import github, json_out, sarif, text

FORMATS = {"text": text.render, "json": json_out.render, "sarif": sarif.render, "github": github.render}


def render(fmt: str, result, sarif_category: str | None = None) -> str:
    if fmt == "sarif":
        return sarif.render(result, sarif_category)
    return FORMATS[fmt](result)
