"""Command line: `wsklint check`, `rules`, `rule CODE`, `dump-model FILE`. No analysis logic here."""
from __future__ import annotations

import dataclasses
import json
import os
import sys

import click

from . import __version__
from pathlib import Path

from .config import ConfigError, Settings, find_config, load_config
from .frontend import FlagsError, Frontend, FrontendOptions

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out


def _fail(msg: str):
    click.echo(f"wsklint: error: {msg}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wsklint")
def main():
    """Static analysis for Windows kernel drivers that use Winsock Kernel (WSK)."""


def frontend_options(p, wdk, include, define, jobs, timeout, no_cache) -> FrontendOptions:
    return FrontendOptions(include_dirs=list(include), defines=list(define), compile_db=p, wdk=wdk,
                           jobs=jobs, timeout=timeout or 120.0, use_cache=not no_cache)


def load_settings(config: str | None, isolated: bool, paths, select, ignore, root, p, wdk, include, define, jobs,
                  timeout, no_cache) -> Settings:
    """Configuration file first (found from the first path upwards), then the command line on top."""
    s = Settings()
    if config:
        if not os.path.isfile(config):
            raise ConfigError(f"--config {config}: no such file")
        s = load_config(Path(config), s)
    elif not isolated:
        found = find_config(paths[0] if paths else ".")
        if found is not None:
            s = load_config(found, s)
    fo = s.frontend
    if select:
        s.select = _split(select)
    s.ignore = s.ignore + _split(ignore)
    fo.include_dirs = fo.include_dirs + [os.path.abspath(d) for d in include]
    fo.defines = fo.defines + list(define)
    fo.compile_db = p or fo.compile_db
    fo.wdk = wdk or fo.wdk
    fo.jobs = jobs
    if timeout:
        fo.timeout = timeout
    fo.use_cache = fo.use_cache and not no_cache
    s.root = root or s.root
    return s


_frontend_flags = [
    click.option("-p", "--compile-commands", "p", metavar="BUILD_DIR",
                 help="Directory (or file) with compile_commands.json."),
    click.option("--wdk", metavar="DIR", help="Use the real WDK headers under DIR (else $WSKLINT_WDK, the "
                 "standard Windows Kits paths, or the bundled declarations)."),
    click.option("-I", "include", multiple=True, metavar="DIR", help="Add an include directory."),
    click.option("-D", "define", multiple=True, metavar="NAME[=VALUE]", help="Define a macro."),
    click.option("-j", "--jobs", type=int, default=0, show_default=True,
                 help="Parser processes (0: one per core)."),
    click.option("--timeout", type=float, default=None, help="Per-file parse time limit in seconds [default: 120]."),
    click.option("--no-cache", is_flag=True, help="Do not read or write the model cache."),
]


def frontend_flags(f):
    for opt in reversed(_frontend_flags):
        f = opt(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (WSK01) or names; comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names; comma-separated.")
@click.option("--root", type=click.Path(file_okay=False), help="Source root for relative paths in reports.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "note"]), default="note", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-v", "--verbose", is_flag=True, help="Also print notes (missing headers, synthesised names).")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: the nearest "
              "wsklint.toml or pyproject.toml with [tool.wsklint]).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@frontend_flags
def check(paths, fmt, output, select, ignore, root, fail_on, exit_zero, verbose, config, isolated, p, wdk, include,
          define, jobs, timeout, no_cache):
    """Check the driver formed by PATHS (files, or directories searched for .c/.cpp)."""
    from .engine import Engine
    from .output import FORMATS
    from .output.text import render_notifications

    try:
        settings = load_settings(config, isolated, paths, select, ignore, root, p, wdk, include, define, jobs,
                                 timeout, no_cache)
        engine = Engine(settings)
    except (ConfigError, FlagsError) as e:
        _fail(str(e))
    try:
        result = engine.run(list(paths) or ["."])
    except (ConfigError, FlagsError) as e:
        _fail(str(e))
    finally:
        engine.close()
    report = FORMATS[fmt](result)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(report)
    else:
        click.echo(report, nl=False)
    notes = render_notifications(result, verbose)
    if notes:
        click.echo(notes, err=True, nl=False)
    if any(n.code == "missing-path" for n in result.notifications):
        sys.exit(EXIT_ERROR)
    if result.failing(fail_on) and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@main.command("rules")
def rules_cmd():
    """List the rules."""
    from .rules import ALL_RULES
    for r in ALL_RULES:
        info = r.info()
        click.echo(f"{r.code}  {r.severity:<7}  {r.name:<40}  {info.summary}")


@main.command("rule")
@click.argument("code")
def rule_cmd(code):
    """Print the documentation of rule CODE (e.g. WSK013)."""
    from .docs import rule_page
    from .rules import ALL_RULES
    for r in ALL_RULES:
        if r.code == code.upper() or r.name == code:
            click.echo(rule_page(r))
            return
    _fail(f"unknown rule '{code}' (see `wsklint rules`)")


@main.command("server")
def server_cmd():
    """Run the language server on stdin/stdout (for editors; see vscode-extension/)."""
    from .lsp import main as run
    run()


@main.command("dump-model")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--function", "function", help="Only this function.")
@frontend_flags
def dump_model(file, function, p, wdk, include, define, jobs, timeout, no_cache):
    """Print the model the front end builds for FILE (JSON), for debugging."""
    try:
        fe = Frontend(frontend_options(p, wdk, include, define, -1, timeout, True))
    except FlagsError as e:
        _fail(str(e))
    models, failures = fe.parse([file])
    if failures:
        _fail(f"{failures[0].path}: {failures[0].reason}")
    model = models[os.path.abspath(file)]
    data = dataclasses.asdict(model)
    if function:
        data["functions"] = [f for f in data["functions"] if f["name"] == function]
    click.echo(json.dumps(data, indent=1, default=str))
