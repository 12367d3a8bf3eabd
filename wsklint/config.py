"""Settings for a run: `[tool.wsklint]` in pyproject.toml or a wsklint.toml, then the command line.

Unknown keys, bad values and unknown rule codes are errors (exit 2) that name the file, the key and
what is allowed.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:   # pragma: no cover
    import tomli as tomllib

from .frontend import FrontendOptions

DEFAULT_DOCS_URL = "https://github.com/wsklint/wsklint/blob/main/rules"
SEVERITY_VALUES = ("error", "warning", "note")


class ConfigError(Exception):
    """Bad configuration or command line: the run exits 2 with this message."""


@dataclass
class Settings:
    select: list = field(default_factory=list)       # codes, prefixes (WSK01) or names; empty = all
    ignore: list = field(default_factory=list)
    per_file_ignores: dict = field(default_factory=dict)   # glob -> [selectors]
    frontend: FrontendOptions = field(default_factory=FrontendOptions)
    root: str | None = None                          # source root for relative paths
    docs_url: str = DEFAULT_DOCS_URL
    severity: dict = field(default_factory=dict)     # code -> error|warning|note
    exclude: list = field(default_factory=list)      # glob patterns of files to skip
    drivers: list = field(default_factory=list)      # glob patterns: each match (file or folder) is one driver
    config_dir: str | None = None                    # where the configuration file was found
    config_file: str | None = None
    options: dict = field(default_factory=dict)      # everything else a later feature reads
    baseline: str | None = None                      # JSON file of accepted findings
    sarif_category: str | None = None
    fail_on: str = "note"


def _str_list(path, key, v) -> list:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{path}: '{key}' must be a string or a list of strings")
    return list(v)


def _as_str(path, key, v) -> str:
    if not isinstance(v, str) or not v.strip():
        raise ConfigError(f"{path}: '{key}' must be a non-empty string")
    return v


def _choice(*allowed):
    def check(path, key, v):
        if v not in allowed:
            raise ConfigError(f"{path}: '{key}' must be one of {', '.join(allowed)}, got {v!r}")
        return v
    return check


def _selectors(path, key, v) -> list:
    v = _str_list(path, key, v)
    check_selectors(all_rules(), v, f"{path}: '{key}'")
    return v


def _as_sev_map(path, key, v) -> dict:
    if not isinstance(v, dict):
        raise ConfigError(f"{path}: '{key}' must be a table of rule = severity (error, warning or note)")
    out = {}
    for sel, sev in v.items():
        check_selectors(all_rules(), [sel], f"{path}: '{key}'")
        _choice(*SEVERITY_VALUES)(path, f"{key}.{sel}", sev)
        out[sel] = sev
    return out


def _as_pfi(path, key, v) -> dict:
    if not isinstance(v, dict):
        raise ConfigError(f"{path}: '{key}' must be a table of glob = [rule codes, prefixes or names]")
    return {g: _selectors(path, f"{key}.{g}", x) for g, x in v.items()}


def _as_positive(path, key, v):
    if not isinstance(v, (int, float)) or isinstance(v, bool) or v <= 0:
        raise ConfigError(f"{path}: '{key}' must be a positive number, got {v!r}")
    return float(v)


# key -> (validator, what it holds, where `load_config` stores it: a Settings field or `frontend.` one;
# values of the `path`/`paths` keys are taken relative to the configuration file)
KEYS = {
    "select": (_selectors, "rule codes, prefixes or names to run", "select"),
    "ignore": (_selectors, "rule codes, prefixes or names to skip", "ignore"),
    "per-file-ignores": (_as_pfi, "glob = [rules] to skip in matching files", "per_file_ignores"),
    "severity": (_as_sev_map, "rule code, prefix or name = error|warning|note", "severity"),
    "include": (_str_list, "include directories", "frontend.include_dirs"),
    "define": (_str_list, "macro definitions NAME[=VALUE]", "frontend.defines"),
    "flags": (_str_list, "extra compiler flags", "frontend.extra_args"),
    "wdk": (_as_str, "path of a Windows Driver Kit", "frontend.wdk"),
    "compile-commands": (_as_str, "directory holding compile_commands.json", "frontend.compile_db"),
    "exclude": (_str_list, "glob patterns of files or folders to skip", "exclude"),
    "drivers": (_str_list, "glob patterns; each matching file or folder is analysed as its own driver", "drivers"),
    "docs-url": (_as_str, "base URL of the rule pages", "docs_url"),
    "timeout": (_as_positive, "per-file parse time limit in seconds", "frontend.timeout"),
    "baseline": (_as_str, "baseline file of accepted findings (JSON, from --write-baseline)", "baseline"),
    "sarif-category": (_as_str, "SARIF runAutomationDetails category (GitHub code scanning)", "sarif_category"),
    "fail-on": (_choice(*SEVERITY_VALUES), "lowest severity that fails the run: error|warning|note", "fail_on"),
}
_PATHS = {"include", "wdk", "compile-commands", "baseline"}


def find_config(start: str) -> Path | None:
    """The nearest wsklint.toml, or pyproject.toml with a [tool.wsklint] table, from `start` upwards."""
    d = Path(start).resolve()
    if d.is_file():
        d = d.parent
    for parent in [d, *d.parents]:
        cand = parent / "wsklint.toml"
        if cand.is_file():
            return cand
        py = parent / "pyproject.toml"
        if py.is_file():
            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "wsklint" in data.get("tool", {}):
                return py
    return None


def load_config(path: Path, settings: Settings | None = None) -> Settings:
    s = settings or Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("wsklint", {})
    else:
        table = data.get("tool", {}).get("wsklint", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.wsklint] must be a table")
    base = str(path.parent)
    s.config_dir, s.config_file = base, str(path)
    for key, value in table.items():
        spec = KEYS.get(key)
        if spec is None:
            raise ConfigError(f"{path}: unknown key '{key}' (allowed: {', '.join(sorted(KEYS))})")
        v = spec[0](path, key, value)
        if key in _PATHS:
            v = [_abs(base, x) for x in v] if isinstance(v, list) else _abs(base, v)
        target, _, field = spec[2].rpartition(".")
        setattr(s.frontend if target else s, field, v)
    return s


def _abs(base: str, p: str) -> str:
    return p if os.path.isabs(p) else os.path.normpath(os.path.join(base, p))


def all_rules() -> list:
    """Every code a selector may name: the catalog rules, then the meta codes (WSK9xx)."""
    from .rules import ALL_RULES
    from .rules.meta import META_RULES
    return list(ALL_RULES) + list(META_RULES)


def rule_named(word: str, rules=None):
    """The rule `word` names by code (any case) or by name, or None; `rules` default to `all_rules()`."""
    return next((r for r in (all_rules() if rules is None else rules) if r.code == word.upper() or r.name == word),
                None)


def _matches(rule, sel: str) -> bool:
    s = sel.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s.upper().startswith("WSK"):
        return rule.code.startswith(s.upper())
    return rule.name == s


def _specificity(rule, sel: str) -> int:
    """How exactly `sel` names `rule`: a full code or name beats any prefix, a longer prefix a shorter."""
    s = sel.strip().upper()
    return 100 if s == rule.code or sel.strip() == rule.name else len(s) if s != "ALL" else 0


def check_selectors(rules, selectors, where: str):
    for sel in selectors:
        if not any(_matches(r, sel) for r in rules):
            raise ConfigError(f"{where}: unknown rule selector '{sel}' (allowed: a code such as WSK013, a prefix such as "
                              f"WSK01, a rule name such as deregister-order, or ALL; see `wsklint rules`)")


def select_rules(rules, select, ignore, where: str = "--select/--ignore"):
    """The rules chosen by `select` minus `ignore`; an entry that matches no rule is an error."""
    check_selectors(rules, list(select) + list(ignore), where)
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore)]


def rule_matches(rule, selectors) -> bool:
    return any(_matches(rule, s) for s in selectors)


def severity_for(rule, overrides: dict) -> str | None:
    """The configured severity of `rule`: the most specific matching entry of `overrides`."""
    best = max((sel for sel in overrides if _matches(rule, sel)), key=lambda s: _specificity(rule, s), default=None)
    return overrides[best] if best is not None else None
