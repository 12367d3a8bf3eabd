"""Whole-driver graphs built from the model: the call graph, IRQL facts, IRP flow. Each is built on
demand through a cached property of `Program` (`program.callgraph`, `program.irql`, `program.irpflow`),
so a run builds only what its rules use."""
