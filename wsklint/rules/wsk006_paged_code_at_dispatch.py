from __future__ import annotations

from ..analysis.calls import arg, wsk_name
from ..graphs.irql import Irql, State, paged_allocation
from ..knowledge.irql import DISPATCH, PASSIVE, is_paged_section
from .base import Rule, short, step

# Where a context pointer is handed over for use at DISPATCH_LEVEL: call -> (argument, what it is).
CONTEXT_ARGS = {
    "WskSocket": ("SocketContext", "socket context"),
    "WskSocketConnect": ("SocketContext", "socket context"),
    "WskAccept": ("AcceptSocketContext", "socket context"),
    "IoSetCompletionRoutine": (2, "completion context"),
    "IoSetCompletionRoutineEx": (3, "completion context"),
}


class PagedCodeAtDispatch(Rule):
    """Pageable code or data is used where IRQL can be DISPATCH_LEVEL.

    ## What it does
    - Reports a function placed in a pageable section (`#pragma alloc_text(PAGE, ...)`,
      `#pragma code_seg("PAGE")`) or containing `PAGED_CODE()` when it can run at DISPATCH_LEVEL:
      it is an event callback or completion routine, is called from one (directly, through function
      pointers or dispatch tables), or takes a spin lock itself.
    - Reports `KeSetEvent(..., TRUE)` in pageable code (it returns at DISPATCH_LEVEL).
    - Reports globals in a pageable data section (`#pragma data_seg("PAGEDATA")`) used at
      DISPATCH_LEVEL.
    - Reports a socket context (`WskSocket`, `WskSocketConnect`, `WskAccept`, the accept callback's
      `*AcceptSocketContext`) or completion context allocated from paged pool.

    ## Why is this bad?
    Callbacks and completion routines run at up to DISPATCH_LEVEL, where a page fault cannot be
    serviced: touching paged code or data there bugchecks (0xA or 0xD1). WSK requires socket
    contexts in non-paged memory, and the I/O manager the completion context. `PAGED_CODE()` only
    asserts on checked builds, at run time, on the path that happens to execute.

    ## Example
    ```c
    #pragma alloc_text(PAGE, OnReceive)     /* OnReceive is in WSK_CLIENT_CONNECTION_DISPATCH */
    ctx = ExAllocatePool2(POOL_FLAG_PAGED, sizeof(*ctx), TAG);
    dispatch->WskSocket(client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET,
                        ctx, &ConnDispatch, NULL, NULL, NULL, irp);
    ```

    ## Use instead
    Keep callbacks, completion routines and everything they call in `.text`; allocate contexts with
    `POOL_FLAG_NON_PAGED`. Use `PAGED_CODE()` only in routines that run at PASSIVE_LEVEL or
    APC_LEVEL, such as work items and system threads.

    ## Known limitations
    The pool type is followed from the allocation to the context argument within one function (and
    through helpers that return the allocation). A stack context waited on in `UserMode` (whose
    stack can be paged out) is not detected.

    ## References
    - [PAGED_CODE](https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/paged_code)
    - [Isolating pageable code](https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/isolating-pageable-code)
    - [IO_COMPLETION_ROUTINE](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nc-wdm-io_completion_routine)
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket)
    - [PFN_WSK_ACCEPT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept_event)
    """

    code = "WSK006"
    name = "paged-code-at-dispatch"
    category = "irql"
    severity = "error"
    precision = "high"
    help = ("Keep code and data that callbacks and completion routines use non-paged: no PAGE section or "
            "PAGED_CODE() on their paths, POOL_FLAG_NON_PAGED for their contexts.")

    def check(self, program):
        facts = program.irql
        paged_globals = {name for name, vs in program.globals.items() if any(is_paged_section(v.section) for v in vs)}
        returns_paged = _ReturnsPaged(program)
        for fn in program.functions.values():
            how, where = _pageable(fn)
            if how:
                yield from self._paged_function(facts, fn, how, where)
            if paged_globals:
                yield from self._paged_data(facts, fn, paged_globals)
            yield from self._paged_contexts(program, fn, returns_paged)

    def _paged_function(self, facts, fn, how, where):
        entry = facts.entry(fn.key)
        if entry is not None and entry.hi >= DISPATCH:
            st = State(entry.lo, entry.hi)
            trace = facts.trace(fn, st, where, f"{fn.name} is pageable ({how})")
            yield self.report(where, f"{fn.name} is pageable ({how}) but can run at DISPATCH_LEVEL: "
                              f"{facts.path(fn, st)}", fn=fn, trace=trace, anchor=f"pageable {fn.name}")
            return
        raised = False
        for _, ev, st in facts.states_at(fn, entry or Irql(PASSIVE, PASSIVE)):
            if ev.kind != "call":
                continue
            if not raised and st.hi >= DISPATCH and st.raised is not None:
                raised = True
                yield self.report(st.raised, f"{fn.name} is pageable ({how}) but raises IRQL to DISPATCH_LEVEL "
                                  f"with {st.raised_by}", fn=fn,
                                  trace=[step(where, f"{fn.name} is pageable ({how})"),
                                         step(st.raised, f"{st.raised_by} raises IRQL to DISPATCH_LEVEL; the rest "
                                              f"of {fn.name} runs there")],
                                  anchor=f"pageable {fn.name} raises {st.raised_by}")
            if ev.expr.name == "KeSetEvent" and len(ev.expr.args) > 2 and ev.expr.args[2].strip().value:
                yield self.report(ev.loc, f"{fn.name} is pageable ({how}) but calls KeSetEvent with Wait = TRUE, "
                                  f"which returns at DISPATCH_LEVEL", fn=fn,
                                  trace=[step(where, f"{fn.name} is pageable ({how})"),
                                         step(ev.loc, "KeSetEvent(..., TRUE) returns at DISPATCH_LEVEL")],
                                  anchor=f"pageable {fn.name} {ev.expr.text}")

    def _paged_data(self, facts, fn, paged_globals):
        seen = set()
        for _, ev, st in facts.states(fn):
            if st.hi < DISPATCH:
                continue
            for e in (ev.expr, ev.target):
                for n in e.walk() if e is not None else ():
                    if n.kind == "name" and n.ref == "global" and n.name in paged_globals and n.name not in seen:
                        seen.add(n.name)
                        trace = facts.trace(fn, st, ev.loc, f"{fn.name} uses {n.name} (pageable data)")
                        yield self.report(ev.loc, f"{n.name} is in a pageable data section but is used at "
                                          f"DISPATCH_LEVEL: {facts.path(fn, st)}", fn=fn, trace=trace,
                                          anchor=f"{n.name} in {fn.name}")

    def _paged_contexts(self, program, fn, returns_paged):
        allocs = {}      # local -> allocation event
        other = set()    # locals also assigned something else
        for _, ev in fn.events():
            if ev.kind in ("assign", "decl") and ev.target is not None and ev.target.strip().kind == "name":
                name = ev.target.strip().name
                src = _paged_source(ev.expr, fn, program, returns_paged)
                if src is not None:
                    allocs.setdefault(name, src)
                elif ev.expr is not None or ev.kind == "assign":
                    other.add(name)
        for _, ev in fn.events():
            what, value = self._handover(ev, fn)
            if value is None:
                continue
            v = value.strip()
            src = _paged_source(v, fn, program, returns_paged)
            if src is None and v.kind == "name" and v.name in allocs and v.name not in other:
                src = allocs[v.name]
            if src is None:
                continue
            to = wsk_name(ev.expr) or ev.expr.name if ev.kind == "call" else ev.target.text
            yield self.report(ev.loc, f"The {what} {v.text} given to {to} is allocated from paged pool at "
                              f"{short(src.loc)}; it is used at DISPATCH_LEVEL",
                              fn=fn, trace=[step(src.loc, "allocated from paged pool here"),
                                            step(ev.loc, f"handed to {to} as the {what}")],
                              anchor=f"{what} {v.text} {to}")

    @staticmethod
    def _handover(ev, fn):
        if ev.kind == "call":
            name = wsk_name(ev.expr) or (ev.expr.name if ev.expr.op == "direct" else "")
            spec = CONTEXT_ARGS.get(name)
            if spec is None:
                return None, None
            a = spec[0]
            value = arg(ev.expr, a) if isinstance(a, str) else (ev.expr.args[a] if a < len(ev.expr.args) else None)
            return spec[1], value
        if ev.kind == "assign" and ev.target is not None:
            t = ev.target.strip()
            if t.kind == "unop" and t.op == "*" and t.kids and t.kids[0].strip().kind == "name" \
                    and t.kids[0].strip().name == "AcceptSocketContext" and fn.param_index("AcceptSocketContext") is not None:
                return "socket context", ev.expr
        return None, None


def _pageable(fn):
    if fn.paged_code is not None:
        return "PAGED_CODE()", fn.paged_code
    if is_paged_section(fn.section):
        return f"placed in section {fn.section}", fn.section_loc or fn.loc
    return "", None


def _paged_source(e, fn, program, returns_paged):
    """The event-like object (with .loc) of a paged allocation `e` evaluates to, or None."""
    if e is None:
        return None
    e = e.strip()
    if e.kind != "call":
        return None
    if paged_allocation(e):
        return e
    callee = program.callee(e, fn)
    if callee is not None and returns_paged.holds(callee):
        return e
    return None


class _ReturnsPaged:
    """Whether a driver function returns memory it allocated from paged pool."""

    def __init__(self, program):
        self.program = program
        self.memo = {}

    def holds(self, fn) -> bool:
        if fn.key not in self.memo:
            self.memo[fn.key] = False
            locals_paged = set()
            result = False
            for _, ev in fn.events():
                if ev.kind in ("assign", "decl") and ev.target is not None and ev.target.strip().kind == "name":
                    if _paged_source(ev.expr, fn, self.program, self) is not None:
                        locals_paged.add(ev.target.strip().name)
                elif ev.kind == "return" and ev.expr is not None:
                    r = ev.expr.strip()
                    if _paged_source(r, fn, self.program, self) is not None or \
                            (r.kind == "name" and r.name in locals_paged):
                        result = True
            self.memo[fn.key] = result
        return self.memo[fn.key]
