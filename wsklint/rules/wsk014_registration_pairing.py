from __future__ import annotations

from ..analysis import status
from ..analysis.calls import addressed_local, arg, calls_on_registration, is_call_to, object_key
from ..analysis.paths import STOP, Facts, Walk, track_call_status
from .base import Rule, step


class RegistrationPairing(Rule):
    """Register once into resident storage; deregister only what registered successfully.

    ## What it does
    - Reports `WskRegister` or `WskCaptureProviderNPI` given a `WSK_REGISTRATION` that lives on the
      stack, and `WskRegister` given a client NPI whose `Dispatch` points to a `WSK_CLIENT_DISPATCH`
      on the stack.
    - Reports `WskDeregister` on a path where `WskRegister` on the same registration failed.
    - Reports a second `WskRegister` on a registration that is still registered on the same path (a
      loop, or two calls).

    ## Why is this bad?
    WSK keeps using the `WSK_REGISTRATION` block and the client dispatch table until `WskDeregister`
    returns; storage that goes out of scope is overwritten while WSK still reads it. Deregistering a
    registration that failed, or registering the same block twice, corrupts WSK's state (cloudbase/wnbd
    crashed on older hosts this way).

    ## Example
    ```c
    NTSTATUS StartNet(void)
    {
        WSK_REGISTRATION reg;                          /* dies with the frame */
        WSK_CLIENT_NPI npi = { NULL, &g_ClientDispatch };
        return WskRegister(&npi, &reg);
    }
    ```

    ## Use instead
    ```c
    static WSK_REGISTRATION g_Registration;
    static const WSK_CLIENT_DISPATCH g_ClientDispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

    NTSTATUS StartNet(void)
    {
        WSK_CLIENT_NPI npi = { NULL, &g_ClientDispatch };   /* the NPI itself may be a local */
        return WskRegister(&npi, &g_Registration);
    }
    ```

    ## Known limitations
    Registrations are matched by variable or field name. Repeated registration across calls is found
    only through loops and repeated calls on one path; registering lazily from an I/O path (once,
    guarded by an "initialised" state) is a recommended design and is not reported.

    ## References
    - [WskRegister](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nf-wsk-wskregister)
    - [WSK_REGISTRATION](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/ns-wsk-_wsk_registration)
    - [Registering a Winsock Kernel Application](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/registering-a-winsock-kernel-application)
    - cloudbase/wnbd PR #108, "driver: fix wsk initialization"
    """

    code = "WSK014"
    name = "registration-pairing"
    category = "lifecycle"
    severity = "error"
    precision = "high"
    help = ("Keep WSK_REGISTRATION and WSK_CLIENT_DISPATCH in global (or non-paged, long-lived) storage, register "
            "once, and deregister only after a successful WskRegister.")

    def check(self, program):
        for fn in program.functions.values():
            for _, ev in fn.calls():
                call = ev.expr
                if is_call_to(call, ("WskRegister", "WskCaptureProviderNPI")):
                    local = addressed_local(arg(call, "WskRegistration"), fn)
                    if local:
                        yield self.report(ev.loc, f"{call.name} is given the WSK_REGISTRATION '{local}', which lives "
                                          f"on the stack of {fn.name}", fn=fn,
                                          trace=[step(fn.locals[local].loc, f"'{local}' is a local variable"),
                                                 step(ev.loc, f"WSK keeps using it after {fn.name} returns")],
                                          anchor=f"{call.text} stack registration")
                if is_call_to(call, "WskRegister"):
                    yield from self._stack_dispatch(fn, ev)
                    yield from self._paths_after_register(fn, ev)

    def _stack_dispatch(self, fn, ev):
        npi_arg = arg(ev.expr, "WskClientNpi")
        npi = addressed_local(npi_arg, fn)
        if not npi:
            return
        var = fn.locals[npi]
        sources = []
        if var.init is not None and var.init.kind == "init":
            for item in var.init.kids:
                if item.name == "Dispatch" and item.kids:
                    sources.append((item.loc, item.kids[0]))
        for _, e in fn.events():
            if e.kind == "assign" and e.target is not None and e.target.path() in (f"{npi}.Dispatch",):
                sources.append((e.loc, e.expr))
        for loc, value in sources:
            local = addressed_local(value, fn)
            if local:
                yield self.report(ev.loc, f"WskRegister is given a client NPI whose Dispatch points to '{local}', "
                                  f"which lives on the stack of {fn.name}", fn=fn,
                                  trace=[step(loc, f"{npi}.Dispatch = &{local} (a local variable)"),
                                         step(ev.loc, "WSK keeps using the client dispatch table until deregistration")],
                                  anchor=f"{ev.expr.text} stack dispatch")

    def _paths_after_register(self, fn, reg_ev):
        key = object_key(arg(reg_ev.expr, "WskRegistration"))
        if key is None:
            return
        found = []
        deregisters = calls_on_registration("WskDeregister", key)
        registers = calls_on_registration("WskRegister", key)

        def stp(st, fx, ev, tr):
            if ev is reg_ev:
                if st is not None and st != "dereg" and (fx.get(st) or status.ANY) & status.SUCCESS:
                    found.append(("twice", ev, tr))
                    return STOP
                fx, k = track_call_status(fx, ev, ev.expr)
                return k, fx, tr + (step(ev.loc, "WskRegister called here"),)
            if ev.kind != "call" or st is None or st == "dereg":
                return st, fx, tr
            if deregisters(ev, fn):
                outcome = fx.get(st) or status.ANY
                if outcome <= {status.FAIL}:
                    found.append(("failed", ev, tr))
                    return STOP
                return "dereg", fx, tr
            if registers(ev, fn):
                if (fx.get(st) or status.ANY) & status.SUCCESS:
                    found.append(("twice", ev, tr))
                    return STOP
            return st, fx, tr

        Walk(fn, stp).run(fn.entry, 0, None, Facts())
        for what, ev, tr in found:
            if what == "failed":
                yield self.report(ev.loc, f"WskDeregister is called on a path where WskRegister on '{key}' failed",
                                  fn=fn, trace=list(tr) + [step(ev.loc, "deregisters a registration that never "
                                                                         "succeeded")],
                                  anchor=f"{ev.expr.text} after failed register")
            else:
                yield self.report(ev.loc, f"WskRegister is called again on '{key}' while it is still registered",
                                  fn=fn, trace=list(tr) + [step(ev.loc, "registers the same block again")],
                                  anchor=f"{ev.expr.text} twice", severity="warning")
