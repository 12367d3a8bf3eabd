"""Whole-driver graphs built on `Program` (call graph, IRQL facts). Reached through `Program`'s
cached properties (`program.callgraph`, `program.irql`), so a run builds only what its rules use."""
