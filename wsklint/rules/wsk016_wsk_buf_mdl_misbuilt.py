from __future__ import annotations

from ..analysis.buffers import mdl_allocations, null_branch, pointer_origin, routine_arg
from ..analysis.calls import derefs
from ..analysis.paths import STOP, Facts, Walk
from ..knowledge import irp as K
from .base import Rule, step

_USES = {"mdl_build", "mdl_lock", "mdl_unlock", "mdl_partial"}
_ORIGIN_TEXT = {"stack": "the stack", "paged": "paged pool", "user": "a user-mode buffer"}


class WskBufMdlMisbuilt(Rule):
    """Build the MDLs of a `WSK_BUF` the way their memory requires.

    ## What it does
    For each `IoAllocateMdl`, classifies the buffer it describes (`&local` or a local array: the stack;
    `ExAllocatePool*` with `PagedPool`/`POOL_FLAG_PAGED`: paged pool; `Irp->UserBuffer` or
    `Type3InputBuffer`: user memory; other pool: non-paged) and reports:
    - `MmBuildMdlForNonPagedPool` on a stack, paged or user buffer;
    - a use of the MDL (build, lock, partial MDL, mapping, a `WSK_BUF` handed to WSK) on a path where the
      `IoAllocateMdl` result was not checked for NULL;
    - `MmProbeAndLockPages` or `MmUnlockPages` on an MDL that `MmBuildMdlForNonPagedPool` built.
    It also reports every `MmProbeAndLockPages` that is not inside a `__try` block with an `__except`
    handler.

    ## Why is this bad?
    WSK requires every MDL of a `WSK_BUF` to describe locked or non-paged memory.
    `MmBuildMdlForNonPagedPool` only fills in the page numbers: for a stack buffer (stack pages can be
    swapped out or reused) or pageable memory the MDL is wrong. `MmProbeAndLockPages` raises an
    exception for an invalid address; without `__try` that is a bugcheck. Mixing the two on one MDL is
    undefined. `IoAllocateMdl` fails under memory pressure, and the NULL MDL is then dereferenced.

    ## Example
    ```c
    UCHAR hdr[64];                                        /* stack */
    PMDL m = IoAllocateMdl(hdr, sizeof hdr, FALSE, FALSE, NULL);
    MmBuildMdlForNonPagedPool(m);                         /* not for stack; unchecked NULL */
    ```

    ## Use instead
    ```c
    p = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, TAG);
    m = IoAllocateMdl(p, (ULONG)n, FALSE, FALSE, NULL);
    if (m == NULL) goto fail;
    MmBuildMdlForNonPagedPool(m);
    /* or, for pageable or user memory: */
    __try { MmProbeAndLockPages(m, KernelMode, IoReadAccess); } __except (EXCEPTION_EXECUTE_HANDLER) { ... }
    ```

    ## Known limitations
    Buffers whose origin the function cannot see (a parameter, a field) are not judged, nor MDLs from
    NDIS, `Irp->MdlAddress` or `MmAllocatePagesForMdl` (already locked).

    ## References
    - [WSK_BUF](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/ns-wsk-_wsk_buf) (remarks)
    - [MmBuildMdlForNonPagedPool](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-mmbuildmdlfornonpagedpool)
    - [MmProbeAndLockPages](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-mmprobeandlockpages)
    - [IoAllocateMdl](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-ioallocatemdl)
    """

    code = "WSK016"
    name = "wsk-buf-mdl-misbuilt"
    category = "buffers"
    severity = "error"
    precision = "high"
    help = ("Check IoAllocateMdl for NULL; use MmBuildMdlForNonPagedPool only for non-paged pool, and "
            "MmProbeAndLockPages inside __try/__except for stack, pageable or user memory.")

    def check(self, program):
        self._built: dict = {}      # helper key -> what _returns_built found
        flow_db = program.irpflow
        for fn in program.functions.values():
            if not fn.blocks:
                continue
            flow = flow_db.flow(fn)
            for blk, ev in fn.calls():
                if K.kind_of(ev.expr.name) == "mdl_lock" and not any(lab == "exc" for _, lab in blk.succs):
                    yield self.report(ev.loc, "MmProbeAndLockPages is called outside __try/__except; an invalid "
                                      "address raises an exception that nothing handles", fn=fn,
                                      trace=[step(ev.loc, "MmProbeAndLockPages")], anchor=f"{ev.expr.text} no try")
            for key, ev, call in mdl_allocations(flow):
                yield from self._follow(fn, flow, key, ev, pointer_origin(routine_arg(call, "va"), flow))
            for key, ev, helper, built in self._built_by_helpers(program, fn, flow):
                yield from self._follow(fn, flow, key, ev, None, (helper, built))

    def _built_by_helpers(self, program, fn, flow):
        """MDLs a helper returns after MmBuildMdlForNonPagedPool (`mdl = DescribeBlock(p, n)`)."""
        for _, ev in fn.events():
            if ev.kind in ("assign", "decl") and ev.target is not None and ev.expr is not None and \
                    ev.expr.strip().kind == "call":
                callee = program.callee(ev.expr.strip(), fn)
                built = self._returns_built(program, callee) if callee is not None and callee.blocks else None
                if built is not None:
                    key = flow.key(ev.target) if ev.kind == "assign" else ev.target.strip().name
                    if key:
                        yield key, ev, callee, built

    def _returns_built(self, program, fn):
        """The MmBuildMdlForNonPagedPool location when every non-NULL MDL `fn` returns was built by it."""
        memo = self._built
        if fn.key in memo:
            return memo[fn.key]
        memo[fn.key] = None
        flow = program.irpflow.flow(fn)
        outcomes = []

        def stp(st, fx, ev, tr):
            if ev.kind == "call" and K.kind_of(ev.expr.name) == "mdl_build" and ev.expr.args:
                return st | {(flow.key(ev.expr.args[0]), ev.loc)}, fx, tr
            if ev.kind == "return" and ev.expr is not None:
                k = flow.key(ev.expr)
                if (k, "null") in st or ev.expr.strip().value == 0:
                    outcomes.append("null")
                else:
                    outcomes.append(next((loc for m, loc in st if m == k and loc != "null"), None))
            return st, fx, tr

        def edge(st, blk, succ, label):
            if label in ("T", "F") and blk.cond is not None:
                for m in {k for k, _ in st} | {k for k, _, _ in mdl_allocations(flow)}:
                    nb = null_branch(blk.cond, m, flow)
                    if nb is not None and nb == (label == "T"):
                        return st | {(m, "null")}
            return st

        Walk(fn, stp, edge=edge).run(fn.entry, 0, frozenset(), Facts())
        real = [o for o in outcomes if o != "null"]
        memo[fn.key] = real[0] if real and all(o is not None for o in real) else None
        return memo[fn.key]

    def _follow(self, fn, flow, key, alloc_ev, origin, helper=None):
        mdl_bufs = {b for b, mdls in flow.mdls.items() if key in mdls}
        found = []

        def stp(st, fx, ev, tr):
            if ev is alloc_ev:
                if helper is not None:
                    callee, built = helper
                    return ("checked", built), fx, (step(built, f"{callee.name} builds the MDL with "
                                                            "MmBuildMdlForNonPagedPool"), step(ev.loc, "returned here"))
                note = "IoAllocateMdl describes " + (f"memory on {_ORIGIN_TEXT[origin]}" if origin in _ORIGIN_TEXT
                                                     else "the buffer")
                return ("unchecked", None), fx, (step(ev.loc, note),)
            if st is None:
                return st, fx, tr
            checked, built = st
            if ev.kind in ("assign", "decl") and ev.target is not None and flow.key(ev.target) == key and \
                    ev is not alloc_ev:
                return None, fx, tr   # the variable now holds another MDL
            if ev.kind != "call":
                if checked == "unchecked" and derefs(ev, lambda p: flow.key(p) == key):
                    found.append(("null", ev, tr))
                    return STOP
                return st, fx, tr
            c = ev.expr
            kind = K.kind_of(c.name)
            mine = kind in _USES and any(flow.key(a) == key for a in c.args)
            submits = any(flow.key(a) in mdl_bufs for a in c.args) and bool(mdl_bufs)
            if checked == "unchecked" and (mine or submits or (kind is None and _uses_mdl(c, key, flow))):
                found.append(("null", ev, tr))
                return STOP
            if not mine:
                return st, fx, tr
            if kind == "mdl_build":
                if origin in _ORIGIN_TEXT:
                    found.append(("build", ev, tr))
                    return STOP
                return (checked, ev.loc), fx, tr + (step(ev.loc, "MmBuildMdlForNonPagedPool builds the MDL"),)
            if kind in ("mdl_lock", "mdl_unlock") and built is not None:
                found.append(("mix", ev, tr))
                return STOP
            return st, fx, tr

        def edge(st, blk, succ, label):
            if st is not None and st[0] == "unchecked" and label in ("T", "F") and blk.cond is not None and \
                    null_branch(blk.cond, key, flow) is not None:
                return ("checked", st[1])
            return st

        Walk(fn, stp, edge=edge).run(fn.entry, 0, None, Facts())
        for what, ev, tr in found[:1]:
            name = ev.expr.name if ev.kind == "call" else "a dereference"
            if what == "null":
                msg = f"MDL '{key}' from IoAllocateMdl is used ({name}) without checking it for NULL"
            elif what == "build":
                msg = (f"MmBuildMdlForNonPagedPool is used for MDL '{key}', which describes memory on "
                       f"{_ORIGIN_TEXT[origin]}")
            else:
                msg = f"{name} on MDL '{key}', which MmBuildMdlForNonPagedPool built"
            yield self.report(ev.loc, msg, fn=fn, trace=list(tr) + [step(ev.loc, name)],
                              anchor=f"{what} {key} {ev.expr.text if ev.expr is not None else ''}")


def _uses_mdl(call, key, flow) -> bool:
    """MDL accessors such as MmGetSystemAddressForMdlSafe (macros or functions of the WDK)."""
    return call.name.startswith(("MmGetSystemAddressForMdl", "MmGetMdl", "MmMapLockedPages")) and \
        any(flow.key(a) == key for a in call.args)
