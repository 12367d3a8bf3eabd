"""Text and Graphviz renderings of the call graph with roles and inferred IRQL (`wsklint callgraph`)."""
from __future__ import annotations

import os

from ..knowledge.irql import level_name


def _irql(program, key: str) -> str:
    e = program.irql.entry(key)
    if e is None:
        return "IRQL unknown"
    short = lambda lv: level_name(lv).replace("_LEVEL", "")   # noqa: E731
    return f"IRQL {short(e.lo)}" if e.lo == e.hi else f"IRQL {short(e.lo)}..{short(e.hi)}"


def _roles(program, key: str) -> str:
    kinds = sorted({r.kind for r in program.roles.get(key, ())})
    return f" [{', '.join(kinds)}]" if kinds else ""


def render_text(program, root: str) -> str:
    cg = program.callgraph
    lines = []
    for key in sorted(cg.graph.nodes, key=lambda k: (program.functions[k].file, program.functions[k].loc.line)):
        fn = program.functions[key]
        where = f"{os.path.relpath(fn.file, root)}:{fn.loc.line}"
        lines.append(f"{fn.name}  {where}  {_irql(program, key)}{_roles(program, key)}")
        for _, callee, data in sorted(cg.graph.out_edges(key, data=True), key=lambda e: e[1]):
            kinds = sorted({s.kind if s.kind != "registers" else f"registers {s.role}" for s in data["sites"]})
            lines.append(f"    -> {program.functions[callee].name} ({', '.join(kinds)})")
    return "\n".join(lines) + ("\n" if lines else "")


_STYLE = {"call": "solid", "pointer": "dashed", "registers": "dotted"}


def render_dot(program) -> str:
    cg = program.callgraph
    out = ["digraph callgraph {", "  node [shape=box, fontname=monospace];"]
    ids = {k: f"n{i}" for i, k in enumerate(sorted(cg.graph.nodes))}
    for key, nid in ids.items():
        e = program.irql.entry(key)
        color = {None: "black", 0: "darkgreen", 1: "orange", 2: "red"}[None if e is None else e.hi]
        label = _esc(program.functions[key].name) + "\\n" + _esc(_irql(program, key) + _roles(program, key))
        out.append(f'  {nid} [label="{label}", color={color}];')
    for a, b, data in sorted(cg.graph.edges(data=True), key=lambda e: (e[0], e[1])):
        kinds = sorted({s.kind for s in data["sites"]})
        roles = sorted({s.role for s in data["sites"] if s.role})
        style = _STYLE[kinds[0]]
        label = f', label="{_esc(", ".join(roles))}"' if roles else ""
        out.append(f"  {ids[a]} -> {ids[b]} [style={style}{label}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')
