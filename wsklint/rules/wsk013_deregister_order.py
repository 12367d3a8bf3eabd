from __future__ import annotations

from ..analysis import status
from ..analysis.calls import arg, calls_on_registration, calls_to, is_call_to, object_key, wsk_name
from ..analysis.interproc import MustReach, call_steps, reachable, reaching
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from ..program import CALLBACK_ROLES
from .base import Rule, role_step, short, step


class DeregisterOrder(Rule):
    """Deregister before unload returns, after releasing the provider NPI, and never from a callback.

    ## What it does
    - When the driver calls `WskRegister`, checks that every unload routine (`DriverUnload`,
      `EvtDriverUnload`, `MiniportDriverUnload`, ...) calls `WskDeregister` on every path, directly or
      through helpers. A path may skip it where a test shows there is nothing to deregister: a
      NULL or flag test, or a test of a variable the registering function sets (`g_Registered`,
      a state set through `InterlockedExchange(&g_State, 1)`), in unload or in its helpers.
    - Reports a `WskDeregister` reached while the provider NPI captured on the same registration is
      still held: captured earlier on the path, or captured by another function and not released
      before unload deregisters.
    - Reports `WskDeregister` reachable from an IoCompletion routine, DPC or WSK event callback.

    ## Why is this bad?
    `WskDeregister` returns only after every captured provider NPI is released, every socket is
    closed and every pending WSK IRP has completed. Deregistering while the NPI is still held blocks
    unload forever. Returning from unload without deregistering leaves WSK holding pointers into a
    driver image that is about to be unmapped. `WskDeregister` runs at PASSIVE_LEVEL and blocks, so it
    cannot run in a callback or completion routine.

    ## Example
    ```c
    VOID Unload(PDRIVER_OBJECT DriverObject)
    {
        CloseAllSockets();
        WskDeregister(&g_Registration);     /* g_ProviderNpi captured in DriverEntry is still held */
    }
    ```

    ## Use instead
    ```c
    VOID Unload(PDRIVER_OBJECT DriverObject)
    {
        CloseAllSockets();
        WskReleaseProviderNPI(&g_Registration);
        WskDeregister(&g_Registration);
    }
    ```

    ## Known limitations
    Registrations are matched by the name of the variable or field (`g_Registration`,
    `Ctx->Registration`). Unload helpers are followed through direct calls (callbacks through the
    call graph, function pointers included); an unload path that calls
    code wsklint cannot see (a function without a body here, a function pointer) is assumed to
    deregister there.

    ## References
    - [Unregistering a Winsock Kernel Application](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/unregistering-a-winsock-kernel-application)
    - [WskDeregister](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nf-wsk-wskderegister)
    """

    code = "WSK013"
    name = "deregister-order"
    category = "lifecycle"
    severity = "error"
    precision = "high"
    help = "Close sockets, release the provider NPI, then call WskDeregister from the unload routine on every path."

    def check(self, program):
        registers = [(fn, ev) for fn in program.functions.values() for _, ev in fn.calls()
                     if is_call_to(ev.expr, "WskRegister")]
        if registers:
            yield from self._unload_paths(program, registers)
        yield from self._held_npi(program)
        yield from self._from_callbacks(program)

    def _unload_paths(self, program, registers):
        dereg = MustReach(program, calls_to("WskDeregister"))
        misses = _UnguardedMiss(dereg, reaching(program, dereg.pred), _flag_names(registers))
        reg_fn, reg_ev = registers[0]
        for unload, role in program.functions_with_role("unload"):
            if dereg.holds(unload):
                continue
            witness = misses.of(unload)
            if witness is None:
                continue
            trace = [step(reg_ev.loc, f"{reg_fn.name} registers with WSK"), role_step(role, unload),
                     step(witness, f"{unload.name} returns here without calling WskDeregister")]
            yield self.report(unload.loc, f"Unload routine {unload.name} can return without calling WskDeregister; "
                              f"the WSK registration made in {reg_fn.name} stays active",
                              fn=unload, trace=trace, anchor=f"unload {unload.name}")

    def _held_npi(self, program):
        captures: dict[str, list] = {}
        for fn in program.functions.values():
            for _, ev in fn.calls():
                if is_call_to(ev.expr, "WskCaptureProviderNPI"):
                    key = object_key(arg(ev.expr, "WskRegistration"))
                    if key:
                        captures.setdefault(key, []).append((fn, ev))
        if not captures:
            return
        unload_reach = reachable(program, [f for f, _ in program.functions_with_role("unload")])
        for key, sites in captures.items():
            releases = MustReach(program, calls_on_registration("WskReleaseProviderNPI", key))
            deregisters = calls_on_registration("WskDeregister", key)
            holders = [(fn, ev) for fn, ev in sites if releases.held_exit(fn, ev, "captured") is not None]
            # A release anywhere on the unload side (often guarded by a "captured" flag) is trusted:
            # the flag's link to the capture is beyond a path analysis.
            released_at_unload = any(releases.pred(e, program.functions[k])
                                     for k in unload_reach for _, e in program.functions[k].calls())
            for fn in program.functions.values():
                if not any(deregisters(ev, fn) for _, ev in fn.calls()):
                    continue
                module_held = fn.key in unload_reach and not released_at_unload and \
                    any(h[0].key != fn.key for h in holders)
                yield from self._walk_deregister(fn, deregisters, releases, module_held, holders, sites)

    def _walk_deregister(self, fn, deregisters, releases, module_held, holders, sites):
        found = []
        captured_here = {id(ev): ev for f, ev in sites if f.key == fn.key}

        def stp(st, fx, ev, tr):
            if ev.kind != "call":
                return st, fx, tr
            if id(ev) in captured_here:
                fx, skey = track_call_status(fx, ev, ev.expr)
                return skey, fx, tr + (step(ev.loc, "provider NPI captured here"),)
            if releases.event_satisfies(ev, fn):
                return None, fx, tr
            if deregisters(ev, fn) and st is not None:
                held = st == "module" or bool((fx.get(st) or status.ANY) & status.SUCCESS)
                if held:
                    found.append((ev, tr))
                    return STOP
            return st, fx, tr

        start = "module" if module_held else None
        tr0 = ()
        if module_held:
            h_fn, h_ev = next(h for h in holders if h[0].key != fn.key)
            tr0 = (step(h_ev.loc, f"{h_fn.name} captures the provider NPI and keeps it"),)
        Walk(fn, stp).run(fn.entry, 0, start, Facts(), tr0)
        seen = set()
        for ev, tr in found:
            if id(ev) in seen:
                continue
            seen.add(id(ev))
            cap = tr[0].loc if tr else ev.loc
            trace = list(tr) + [step(ev.loc, "WskDeregister waits for the NPI to be released")]
            yield self.report(ev.loc, f"WskDeregister is called while the provider NPI captured at "
                              f"{short(cap)} is still held", fn=fn, trace=trace,
                              anchor=f"{ev.expr.text} held")

    def _from_callbacks(self, program):
        reported = set()
        for key, roles in program.roles.items():
            for role in roles:
                if role.kind not in CALLBACK_ROLES and not role.kind.startswith("event:"):
                    continue
                start = program.functions[key]
                for chain, fn, ev in program.callgraph.chains(start, calls_to("WskDeregister")):
                    if id(ev) in reported:
                        continue
                    reported.add(id(ev))
                    trace = [role_step(role, start)] + call_steps(chain)
                    trace.append(step(ev.loc, "WskDeregister blocks and requires PASSIVE_LEVEL"))
                    yield self.report(ev.loc, f"WskDeregister is reachable from {start.name}, which WSK or the "
                                      f"I/O manager may call at DISPATCH_LEVEL", fn=fn, trace=trace,
                                      anchor=f"{ev.expr.text} from {start.name}")


def _flag_names(registers) -> set:
    """Likely 'registered' flags: variables and fields the registering functions assign, or pass by
    address to a helper (`WriteNoFence(&g_InitStatus, STATUS_SUCCESS)`, `InterlockedExchange(&g_Up, 1)`)."""
    out = set()
    for fn, _ in registers:
        for _, ev in fn.events():
            if ev.kind == "assign" and ev.target is not None:
                targets = [ev.target]
            elif ev.kind == "call" and not wsk_name(ev.expr):
                targets = [a.kids[0] for a in ev.expr.args if a.kind == "unop" and a.op == "&" and a.kids]
            else:
                continue
            out.update(k for k in map(object_key, targets) if k)
    return out


def _is_guard(cond, flags) -> bool:
    """A NULL/flag test: a pointer or flag checked for being set, or a 'registered' flag."""
    for n in cond.walk():
        if n.kind in ("name", "member") and object_key(n) in flags:
            return True
    c, _ = status.unnegated(cond)
    if c.kind in ("name", "member"):
        return True
    if c.kind == "binop" and c.op in ("==", "!=") and len(c.kids) == 2:
        return any(k.strip().value == 0 for k in c.kids)
    return False


class _UnguardedMiss:
    """Where a function returns without WskDeregister on a path that skipped no guarded one. A helper
    whose every miss is guarded (`if (!g_Registered) return;` before deregistering) counts as
    deregistering at its call."""

    def __init__(self, dereg: MustReach, may: set, flags: set):
        self.dereg, self.may, self.flags, self.memo = dereg, may, flags, {}   # may: keys that may deregister

    def of(self, fn):
        if fn.key not in self.memo:
            self.memo[fn.key] = fn.loc   # a recursive call is no proof of deregistering
            self.memo[fn.key] = self._walk(fn)
        return self.memo[fn.key]

    def _deregisters(self, ev, fn) -> bool:
        if self.dereg.event_satisfies(ev, fn) or _opaque_call(self.dereg.program, ev, fn):
            return True   # deregisters, or calls code we cannot see (unknown is not guilty)
        callee = self.dereg.program.callee(ev.expr, fn) if ev.kind == "call" else None
        return callee is not None and callee.key in self.may and self.of(callee) is None

    def _may(self, ev, fn) -> bool:
        """Whether `ev` is, or calls a function that may make, a WskDeregister call."""
        if ev.kind != "call":
            return False
        if self.dereg.pred(ev, fn):
            return True
        callee = self.dereg.program.callee(ev.expr, fn)
        return callee is not None and callee.key in self.may

    def _walk(self, fn):
        reaches = _blocks_reaching(fn, lambda b: any(self._may(e, fn) for e in b.events))
        found = []

        def stp(st, fx, ev, tr):
            return STOP if self._deregisters(ev, fn) else (st, fx, tr)

        def edge(st, blk, succ, label):
            if st or label not in ("T", "F") or blk.cond is None:
                return st
            other = [s for s, lab in blk.succs if lab in ("T", "F") and s != succ]
            if other and other[0] in reaches and _is_guard(blk.cond, self.flags):
                return True
            return st

        def at_exit(st, fx, tr, ret):
            if not st and not found:
                found.append(ret.loc if ret is not None else fn.loc)

        Walk(fn, stp, at_exit, edge).run(fn.entry, 0, False, Facts())
        return found[0] if found else None


def _blocks_reaching(fn, pred) -> set:
    preds: dict[int, list] = {}
    for b in fn.blocks:
        for s, _ in b.succs:
            preds.setdefault(s, []).append(b.id)
    todo = [b.id for b in fn.blocks if pred(b)]
    seen = set(todo)
    while todo:
        x = todo.pop()
        for p in preds.get(x, ()):
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return seen


def _opaque_call(program, ev, fn) -> bool:
    """A call into driver code whose body is not part of the analysis (another library, a function
    pointer), which may well deregister."""
    if ev.kind != "call":
        return False
    call = ev.expr
    if call.op in ("direct", "method"):
        if call.ref == "api":
            return False
        callee = program.callee(call, fn)
        return callee is None or not callee.blocks
    return call.op in ("pointer", "member") and not wsk_name(call)
