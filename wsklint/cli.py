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


def frontend_options(paths, p, wdk, include, define, jobs, timeout, no_cache) -> FrontendOptions:
    """The front end's options as `check` builds them: the configuration found from the first path, then
    the command line."""
    try:
        return load_settings(None, False, paths, None, (), None, p, wdk, include, define, jobs, timeout,
                             no_cache).frontend
    except ConfigError as e:
        _fail(str(e))


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
@click.option("--sarif", "sarif_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also write a SARIF report to FILE (for code scanning), whatever --format says.")
@click.option("--sarif-category", metavar="CATEGORY", help="SARIF runAutomationDetails category (one per "
              "analysis uploaded to GitHub code scanning).")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (WSK01) or names; comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names; comma-separated.")
@click.option("--root", type=click.Path(file_okay=False), help="Source root for relative paths in reports.")
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Findings listed in FILE are accepted: only new findings are shown and fail the run.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the current findings to FILE as the accepted baseline (the run then passes).")
@click.option("--changed", is_flag=True, help="PATHS are changed files (pre-commit): analyse the driver each "
              "belongs to, report findings in PATHS only.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "note"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: note, i.e. any finding].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-v", "--verbose", is_flag=True, help="Also print notes (missing headers, synthesised names).")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: the nearest "
              "wsklint.toml or pyproject.toml with [tool.wsklint]).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@frontend_flags
def check(paths, fmt, output, sarif_file, sarif_category, select, ignore, root, baseline, write_baseline, changed,
          fail_on, exit_zero, verbose, config, isolated, p, wdk, include, define, jobs, timeout, no_cache):
    """Check the driver formed by PATHS (files, or directories searched for .c/.cpp)."""
    from .baseline import write_baseline as write_bl
    from .engine import Engine
    from .hook import changed_drivers
    from .output import render
    from .output.text import render_notifications

    try:
        settings = load_settings(config, isolated, paths, select, ignore, root, p, wdk, include, define, jobs,
                                 timeout, no_cache)
        if baseline:
            settings.baseline = os.path.abspath(baseline)
        if write_baseline:
            settings.baseline = None        # the findings of this run become the baseline
        settings.sarif_category = sarif_category or settings.sarif_category
        settings.fail_on = fail_on or settings.fail_on
        engine = Engine(settings)
    except (ConfigError, FlagsError) as e:
        _fail(str(e))
    try:
        if changed:
            roots = changed_drivers(list(paths), settings, engine.base)
            result = engine.run(roots, progress=progress_printer(), only=list(paths), each_path_a_driver=True)
        else:
            result = engine.run(list(paths) or ["."], progress=progress_printer())
    except (ConfigError, FlagsError) as e:
        _fail(str(e))
    finally:
        engine.close()
    if write_baseline:
        n = write_bl(result, write_baseline)
        click.echo(f"wsklint: wrote {n} finding{'s' if n != 1 else ''} to {write_baseline}", err=True)
    report = render(fmt, result, settings.sarif_category)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(report)
    else:
        click.echo(report, nl=False)
    if sarif_file:
        with open(sarif_file, "w", encoding="utf-8") as f:
            f.write(render("sarif", result, settings.sarif_category))
    notes = render_notifications(result, verbose)
    if notes:
        click.echo(notes, err=True, nl=False)
    if any(n.code == "missing-path" for n in result.notifications):
        sys.exit(EXIT_ERROR)
    if result.failing(settings.fail_on) and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def progress_printer(stream=None, min_files: int = 8):
    """`progress(done, total)` drawing a counter on `stream` (stderr) when it is a terminal and the run
    parses at least `min_files` files; None otherwise, so logs and pipes stay clean."""
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty or os.environ.get("TERM") == "dumb":
        return None

    def progress(done: int, total: int):
        if total < min_files:
            return
        if done < total:
            stream.write(f"\rwsklint: parsing {done}/{total} files")
        else:
            stream.write("\r\x1b[K")
        stream.flush()
    return progress


@main.command("rules")
def rules_cmd():
    """List the rules, then the meta codes (findings about suppression comments)."""
    from .rules import ALL_RULES
    from .rules.meta import META_RULES
    for r in ALL_RULES:
        click.echo(f"{r.code}  {r.severity:<7}  {r.name:<40}  {r.info().summary}")
    click.echo("\nMeta codes (about wsklint's own suppression comments):")
    for r in META_RULES:
        click.echo(f"{r.code}  {r.severity:<7}  {r.name:<40}  {r.info().summary}")


@main.command("rule")
@click.argument("code")
def rule_cmd(code):
    """Print the documentation of rule CODE (e.g. WSK013, or a rule name)."""
    from .config import rule_named
    from .docs import find_corpus, rule_page
    rule = rule_named(code)
    if rule is None:
        _fail(f"unknown rule '{code}' (see `wsklint rules`)")
    click.echo(rule_page(rule, find_corpus()), nl=False)


@main.command("server")
def server_cmd():
    """Run the language server on stdin/stdout (for editors; see vscode-extension/)."""
    from .lsp import main as run
    run()


@main.command("callgraph")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "dot"]), default="text", show_default=True,
              help="Output format (dot: Graphviz).")
@frontend_flags
def callgraph(paths, fmt, p, wdk, include, define, jobs, timeout, no_cache):
    """Print the call graph of the driver formed by PATHS, with roles and inferred IRQL per function."""
    from .engine import collect_sources, source_root
    from .graphs.render import render_dot, render_text
    from .program import Program

    files, notes = collect_sources(list(paths) or ["."], [])
    for n in notes:
        if n.code == "missing-path":
            _fail(n.message)
    try:
        fe = Frontend(frontend_options(list(paths), p, wdk, include, define, jobs, timeout, no_cache))
    except FlagsError as e:
        _fail(str(e))
    try:
        models, _ = fe.parse(files)
    finally:
        fe.close()
    program = Program([models[f] for f in files if f in models])
    click.echo(render_dot(program) if fmt == "dot" else render_text(program, source_root(files, None)), nl=False)


@main.command("docs")
@click.option("--output", "out_dir", type=click.Path(file_okay=False), default="rules", show_default=True,
              help="Folder for the pages.")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None,
              help="Corpus whose cases are embedded as examples [default: the one beside the package].")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the folder differs from the generated pages.")
def docs_cmd(out_dir, corpus, check):
    """Generate the rule pages (one per rule, and an index) from the rules' documentation."""
    from .docs import find_corpus, generate, write_pages
    pages = generate(Path(corpus) if corpus else find_corpus())
    if check:
        stale = write_pages(pages, Path(out_dir), dry_run=True)
        for name in stale:
            click.echo(f"{Path(out_dir) / name}: out of date", err=True)
        if stale:
            click.echo(f"wsklint: regenerate with `wsklint docs --output {out_dir}`", err=True)
            sys.exit(EXIT_FINDINGS)
        return
    changed = write_pages(pages, Path(out_dir))
    click.echo(f"wsklint: {len(pages)} pages in {out_dir}, {len(changed)} changed", err=True)


@main.command("dump-model")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--function", "function", help="Only this function.")
@frontend_flags
def dump_model(file, function, p, wdk, include, define, jobs, timeout, no_cache):
    """Print the model the front end builds for FILE (JSON), for debugging."""
    model = _parse_one(file, p, wdk, include, define, timeout)
    data = dataclasses.asdict(model)
    if function:
        data["functions"] = [f for f in data["functions"] if f["name"] == function]
    click.echo(json.dumps(data, indent=1, default=str))


def _parse_one(file, p, wdk, include, define, timeout):
    try:
        fe = Frontend(frontend_options([file], p, wdk, include, define, -1, timeout, True))
    except FlagsError as e:
        _fail(str(e))
    models, failures = fe.parse([file])
    if failures:
        _fail(f"{failures[0].path}: {failures[0].reason}")
    return models[os.path.abspath(file)]


@main.command("dump-irpflow")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--function", "function", help="Only this function.")
@click.option("--format", "fmt", type=click.Choice(["text", "dot"]), default="text", show_default=True)
@frontend_flags
def dump_irpflow(file, function, fmt, p, wdk, include, define, jobs, timeout, no_cache):
    """Print the IRP-flow graph of FILE's functions (origins, arming, submissions, waits, frees, and the
    completion routines' summaries), for debugging."""
    from .program import Program
    program = Program([_parse_one(file, p, wdk, include, define, timeout)])
    flow = program.irpflow
    fns = [f for f in program.functions.values() if f.blocks and (not function or f.name == function)]
    if function and not fns:
        _fail(f"no function '{function}' in {file}")
    shown = [f for f in fns if function or flow.flow(f).keys or any(True for _ in flow.flow(f).all_ops())]
    if fmt == "dot":
        for f in shown:
            click.echo(flow.dump(f, "dot"), nl=False)
    else:
        click.echo("\n".join(flow.dump(f) for f in shown), nl=False)
