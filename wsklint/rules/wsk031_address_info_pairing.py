from __future__ import annotations

from ..analysis import status
from ..analysis.calls import FREE_POOL, arg, is_call_to, mentions, wsk_name
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from .base import Rule, step


class AddressInfoPairing(Rule):
    """Free `WskGetAddressInfo` results with `WskFreeAddressInfo`, once, and not before the last use.

    ## What it does
    For each `WskGetAddressInfo` whose `Result` is a local variable, follows the paths after the call:
    - `ExFreePool*` on the result is an error (wrong deallocator);
    - a use of the result after `WskFreeAddressInfo` is an error;
    - a path on which the call may have succeeded and that leaves the function without
      `WskFreeAddressInfo`, without handing the result on (return, out-parameter, a field, a helper),
      leaks the list.

    ## Why is this bad?
    The address list is allocated by the WSK subsystem; only `WskFreeAddressInfo` knows how. Freeing it
    with `ExFreePool` corrupts pool; using it after freeing reads freed memory; not freeing it leaks
    non-paged pool on every name resolution.

    ## Example
    ```c
    st = Npi.Dispatch->WskGetAddressInfo(Npi.Client, &host, NULL, NS_ALL, NULL, NULL, &res, NULL, NULL, irp);
    if (NT_SUCCESS(st)) {
        UseAddresses(res);
        ExFreePool(res);                         /* wrong deallocator */
    }
    ```

    ## Use instead
    ```c
    if (NT_SUCCESS(st)) {
        UseAddresses(res);
        Npi.Dispatch->WskFreeAddressInfo(Npi.Client, res);
    }
    ```

    ## Known limitations
    Only results held in local variables are followed; a result stored in a structure is assumed to be
    freed by whoever owns the structure. The IRQL requirement (PASSIVE_LEVEL) is checked by the IRQL
    rules.

    ## References
    - [Resolving Host Names and IP Addresses](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/resolving-host-names-and-ip-addresses)
    - [PFN_WSK_GET_ADDRESS_INFO](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_get_address_info)
    - [PFN_WSK_FREE_ADDRESS_INFO](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_free_address_info)
    """

    code = "WSK031"
    name = "address-info-pairing"
    category = "api"
    severity = "error"
    precision = "high"
    # Wrong deallocator and use after free corrupt kernel pool (CWE-762, CWE-416); the leak exhausts it.
    security_severity = "7.5"
    tags = ("external/cwe/cwe-416", "external/cwe/cwe-762", "external/cwe/cwe-401")
    help = "Free the result list with WskFreeAddressInfo after its last use, on every path where the call succeeded."

    def check(self, program):
        for fn in program.functions.values():
            for _, ev in fn.calls():
                if wsk_name(ev.expr) != "WskGetAddressInfo":
                    continue
                res = arg(ev.expr, "Result")
                if res is None:
                    continue
                r = res.strip()
                if not (r.kind == "unop" and r.op == "&" and r.kids and r.kids[0].strip().kind == "name"):
                    continue
                name = r.kids[0].strip().name
                var = fn.locals.get(name)
                if var is None or var.storage not in ("auto", "register"):
                    continue
                yield from self._follow(program, fn, ev, name)

    def _follow(self, program, fn, call_ev, name):
        found = []

        def stp(st, fx, ev, tr):
            if ev is call_ev:
                fx, k = track_call_status(fx, ev, ev.expr)
                return ("live", k), fx, tr + (step(ev.loc, f"WskGetAddressInfo returns the list in '{name}'"),)
            state, k = st
            if state is None:
                return st, fx, tr
            if ev.kind == "call":
                call = ev.expr
                args = call.args
                uses = [a for a in args if mentions(a, name)]
                if is_call_to(call, FREE_POOL) and args and args[0].strip().path() == name:
                    found.append(("pool", ev, tr))
                    return STOP
                if wsk_name(call) == "WskFreeAddressInfo" and len(args) > 1 and args[1].strip().path() == name:
                    if state == "freed":
                        found.append(("double", ev, tr))
                        return STOP
                    return ("freed", k), fx, tr + (step(ev.loc, "freed here"),)
                if state == "freed" and (uses or mentions(call.callee, name)):
                    found.append(("use", ev, tr))
                    return STOP
                if state == "live" and uses and not wsk_name(call) and call.ref != "api":
                    callee = program.callee(call, fn)
                    if callee is None or _takes_ownership(callee):
                        return ("handed", k), fx, tr   # code we cannot see may own it now
                return st, fx, tr
            if ev.kind in ("assign", "decl") and ev.expr is not None:
                if state == "freed" and mentions(ev.expr, name):
                    found.append(("use", ev, tr))
                    return STOP
                if state == "live" and ev.expr.strip().path() == name:
                    tgt = ev.target.root() if ev.target is not None else None
                    if ev.target is None or ev.target.strip().kind != "name" or tgt not in fn.locals:
                        return ("handed", k), fx, tr   # stored where someone else frees it
                if ev.target is not None and ev.target.strip().path() == name and ev.op == "=":
                    return STOP   # the variable now holds something else
            if ev.kind == "return" and ev.expr is not None and mentions(ev.expr, name):
                if state == "freed":
                    found.append(("use", ev, tr))
                    return STOP
                return ("handed", k), fx, tr
            return st, fx, tr

        def at_exit(st, fx, tr, ret):
            state, k = st
            if state == "live" and (fx.get(k) or status.ANY) <= status.SUCCESS:
                found.append(("leak", ret, tr))

        Walk(fn, stp, at_exit).run(fn.entry, 0, (None, None), Facts())
        seen = set()
        for what, ev, tr in found:
            if what in seen:
                continue
            seen.add(what)
            if what == "pool":
                yield self.report(ev.loc, f"The WskGetAddressInfo result '{name}' is freed with {ev.expr.name}; "
                                  "only WskFreeAddressInfo may free it", fn=fn,
                                  trace=list(tr) + [step(ev.loc, f"{ev.expr.name}({name})")],
                                  anchor=f"{ev.expr.text} pool free")
            elif what == "double":
                yield self.report(ev.loc, f"The WskGetAddressInfo result '{name}' is freed twice", fn=fn,
                                  trace=list(tr) + [step(ev.loc, "freed again")], anchor=f"{ev.expr.text} twice")
            elif what == "use":
                yield self.report(ev.loc, f"The WskGetAddressInfo result '{name}' is used after "
                                  "WskFreeAddressInfo freed it", fn=fn,
                                  trace=list(tr) + [step(ev.loc, "used here")], anchor=f"{name} use after free")
            else:
                where = ev.loc if ev is not None else fn.loc
                yield self.report(call_ev.loc, f"The WskGetAddressInfo result '{name}' is not freed with "
                                  "WskFreeAddressInfo on a path where the call succeeded", fn=fn,
                                  trace=list(tr) + [step(where, "leaves the function without freeing it")],
                                  anchor=f"{call_ev.expr.text} leak", severity="warning")


def _takes_ownership(fn) -> bool:
    """Whether a helper frees or stores what it is given (then the caller no longer owns the list)."""
    params = {p.name for p in fn.params}
    for _, ev in fn.events():
        if ev.kind == "call" and (wsk_name(ev.expr) == "WskFreeAddressInfo" or is_call_to(ev.expr, FREE_POOL)):
            return True
        if ev.kind == "assign" and ev.expr is not None and ev.target is not None:
            if any(n.kind == "name" and n.name in params for n in ev.expr.walk()) and ev.target.root() not in fn.locals:
                return True
    return False
