from __future__ import annotations

from ..analysis.buffers import blocks_of, mdl_allocations, null_branch
from ..analysis.calls import wsk_name
from ..analysis import status
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from ..graphs.irpflow import root_of
from ..knowledge import irp as K
from .base import Rule, step
from .irp_common import report_incidents


class MdlUnlockFreeMismatch(Rule):
    """Unlock locked MDL pages exactly once, free the MDL after, and only after the request completed.

    ## What it does
    Follows each MDL from `IoAllocateMdl` through `MmProbeAndLockPages`, `MmUnlockPages` and `IoFreeMdl`,
    path by path (the exception path of `MmProbeAndLockPages` counts as not locked), and reports:
    - `IoFreeMdl` while its pages are locked, and a return that leaves them locked (warning: the pages
      leak);
    - a return that leaves the MDL allocated (warning), when the MDL is not stored or handed on;
    - `MmProbeAndLockPages` on an MDL already locked, and `MmUnlockPages` on an MDL not locked;
    - `MmUnlockPages` or `IoFreeMdl` of an MDL that a pending WSK request still uses (from the IRP flow:
      the `WSK_BUF` passed to the call holds the MDL and no wait proved completion).

    ## Why is this bad?
    Locked pages stay resident until `MmUnlockPages`; `IoFreeIrp` and `IoFreeMdl` do not unlock them.
    KSOCKET leaked locked pages on every send and receive until a user's driver stopped working after
    about 16,000 operations. Unlocking twice, or unlocking pages WSK is still reading or writing,
    corrupts memory management state.

    ## Example
    ```c
    __try { MmProbeAndLockPages(m, KernelMode, IoWriteAccess); }
    __except (EXCEPTION_EXECUTE_HANDLER) { IoFreeMdl(m); return STATUS_ACCESS_VIOLATION; }
    st = SyncReceive(s, m);
    IoFreeMdl(m);                                   /* pages stay locked forever */
    ```

    ## Use instead
    ```c
    st = SyncReceive(s, m);
    MmUnlockPages(m);
    IoFreeMdl(m);
    ```

    ## Known limitations
    MDLs stored in a structure, returned, or passed to a helper are assumed to be released by whoever
    receives them (for instance a completion routine that unlocks and frees). Only MDLs allocated in the
    function are followed. In a `__try` block, the handler is entered from each call that may raise,
    with the effects of that call and of what follows it undone (a `MmProbeAndLockPages` that raised
    locked nothing; a flag set after it is still unset).

    ## References
    - [MmProbeAndLockPages](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-mmprobeandlockpages)
    - [IoFreeIrp](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-iofreeirp) (MDLs are not freed)
    - [IoFreeMdl](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-iofreemdl)
    - KSOCKET commit 1916f17, "call MmUnlockPages for locked pages"
    - adrianyy/rw_socket_driver issue #1, "Work only for 16380 times of communication"
    """

    code = "WSK017"
    name = "mdl-unlock-free-mismatch"
    category = "buffers"
    severity = "warning"
    precision = "high"
    help = ("After the WSK request completed, call MmUnlockPages once for pages locked with MmProbeAndLockPages, "
            "then IoFreeMdl; on the exception path of MmProbeAndLockPages only IoFreeMdl.")

    def check(self, program):
        self.program = program

        def describe(inc):
            if not (inc.data.get("what") or "").startswith("mdl"):
                return None
            verb = "unlocked" if inc.data["what"] == "mdl_unlock" else "freed"
            return (f"MDL '{inc.data['obj']}' is {verb} while the {inc.data.get('wsk') or 'WSK'} request that uses "
                    "it may still be pending", "error")

        yield from report_incidents(self, program, ("release_inflight",), describe)
        for fn in program.functions.values():
            if fn.blocks:
                flow = program.irpflow.flow(fn)
                for key, ev, _ in mdl_allocations(flow):
                    yield from self._follow(fn, flow, key, ev)

    def _follow(self, fn, flow, key, alloc_ev):
        blocks = blocks_of(fn)
        local = _local_storage(fn, key)
        found = []

        def locked(st, fx):
            """Locked on this path (a helper's lock counts where it may have succeeded)."""
            if st[0] != "locked":
                return False
            o = fx.get(st[2]) if st[2] else None
            return o is None or bool(o & status.SUCCESS)

        def apply(kind, st, fx, ev, tr, who, cond=None):
            if kind == "mdl_lock":
                if locked(st, fx):
                    found.append(("double_lock", ev, tr, "error"))
                    return STOP
                return ("locked", blocks[id(ev)].id, cond), fx, tr + (step(ev.loc, f"{who} locks the pages"),)
            if kind == "mdl_unlock":
                if not locked(st, fx):
                    found.append(("unlock_unlocked", ev, tr, "error"))
                    return STOP
                return ("unlocked", None, None), fx, tr + (step(ev.loc, f"{who} unlocks them"),)
            if locked(st, fx):
                found.append(("free_locked", ev, tr, None))
                return STOP
            return ("freed", None, None), fx, tr

        def stp(st, fx, ev, tr):
            if ev is alloc_ev:
                return ("alloc", None, None), fx, (step(ev.loc, "IoAllocateMdl allocates the MDL"),)
            if st is None or st[0] in ("escaped", "null"):
                return st, fx, tr
            if ev.kind in ("assign", "decl") and ev.expr is not None and ev.target is not None:
                if flow.key(ev.expr) == key and not _local_storage(fn, flow.key(ev.target) or ""):
                    return ("escaped", None, None), fx, tr
                if flow.key(ev.target) == key:
                    return None, fx, tr
            if ev.kind == "return" and ev.expr is not None and flow.key(ev.expr) == key:
                return ("escaped", None, None), fx, tr
            if ev.kind != "call":
                return st, fx, tr
            c = ev.expr
            kind = K.kind_of(c.name)
            hits = [i for i, a in enumerate(c.args) if _refers(a, key, flow)]
            if not hits:
                return st, fx, tr
            if kind in ("mdl_lock", "mdl_unlock", "mdl_free"):
                return apply(kind, st, fx, ev, tr, c.name)
            if kind == "irp_arm":
                return ("escaped", None, None), fx, tr   # the completion routine gets it as its context
            if kind is not None or wsk_name(c) or c.ref == "api":
                return st, fx, tr
            callee = self.program.callee(c, fn)
            effects = _effects(self.program, callee, hits[0]) if callee is not None and callee.blocks else None
            if effects is None:
                # an unknown helper may take the MDL; a WSK_BUF lent to it is only borrowed
                return (("escaped", None, None) if flow.key(c.args[hits[0]]) == key else st), fx, tr
            fx, ck = track_call_status(fx, ev, c)
            for k in effects:
                res = apply(k, st, fx, ev, tr, callee.name, cond=ck)
                if res is STOP:
                    return STOP
                st, fx, tr = res
            return st, fx, tr

        def edge(st, blk, succ, label):
            if st is None:
                return st
            if label in ("T", "F") and blk.cond is not None and st[0] in ("alloc", "locked", "unlocked"):
                nb = null_branch(blk.cond, key, flow)
                if nb is not None and nb == (label == "T"):
                    # after the check this is the NULL branch; once locked, the MDL is known not NULL
                    return ("null", None, None)
            return st

        def at_exit(st, fx, tr, ret):
            if local and st is not None and (st[0] == "alloc" or locked(st, fx)):
                found.append(("leak_" + st[0], ret if ret is not None else alloc_ev, tr, None))

        Walk(fn, stp, at_exit, edge).run(fn.entry, 0, None, Facts())
        for what, ev, tr, severity in found[:1]:
            yield self._finding(fn, key, what, ev, tr, severity, alloc_ev)

    def _finding(self, fn, key, what, ev, tr, severity, alloc_ev):
        messages = {
            "double_lock": f"MmProbeAndLockPages locks the pages of MDL '{key}' a second time",
            "unlock_unlocked": f"MmUnlockPages on MDL '{key}', whose pages are not locked on this path",
            "free_locked": f"IoFreeMdl frees MDL '{key}' while its pages are still locked; they stay locked forever",
            "leak_locked": f"MDL '{key}' leaves {fn.name} with its pages locked, and nothing unlocks them",
            "leak_alloc": f"MDL '{key}' from IoAllocateMdl is not freed on a path that leaves {fn.name}",
        }
        loc = ev.loc if not what.startswith("leak") else next(
            (s.loc for s in reversed(tr) if s.note.endswith("locks the pages")), alloc_ev.loc)
        trace = list(tr) + [step(ev.loc, "returns here" if what.startswith("leak") else ev.expr.name)]
        return self.report(loc, messages[what], fn=fn, trace=trace, anchor=f"{what} {key}", severity=severity)


def _effects(program, fn, index):
    """The MDL operations a helper applies to its parameter `index` (the MDL, or a WSK_BUF holding it),
    in order; None when it hands the MDL on or does nothing to it."""
    flow = program.irpflow.flow(fn)
    pname = fn.params[index].name if index < len(fn.params) else None
    if not pname:
        return None
    out = []
    for _, ev in fn.calls():
        kind = K.kind_of(ev.expr.name)
        if kind in ("mdl_lock", "mdl_unlock", "mdl_free") and ev.expr.args:
            k = flow.key(ev.expr.args[0]) or ""
            if k == pname or k in (f"{pname}->Mdl", f"{pname}.Mdl"):
                out.append(kind)
    return out or None


def _refers(arg, key, flow) -> bool:
    """The argument is the MDL, or the WSK_BUF holding it (`&buf` for `buf.Mdl`, `p` for `p->Mdl`)."""
    k = flow.key(arg)
    if k is None:
        return False
    if k == key:
        return True
    if key.endswith(".Mdl"):
        return k == "&" + key[:-4]
    return key.endswith("->Mdl") and k == key[:-5]


def _local_storage(fn, key: str) -> bool:
    """Whether `key` names storage of this function (a local, or a field of a local structure)."""
    v = fn.locals.get(root_of(key))
    return v is not None and v.storage in ("auto", "register") and "->" not in key and not key.startswith("*")
