from __future__ import annotations

from ..analysis.calls import arg, calls_on_registration, is_call_to, object_key, wsk_name
from ..analysis.interproc import MustReach
from ..analysis.paths import STOP, Facts, Walk
from ..knowledge import wsk
from .base import Rule, step


class ProviderNpiPairing(Rule):
    """Release every captured provider NPI exactly once, and stop using its dispatch table after release.

    ## What it does
    - Follows every path from a successful `WskCaptureProviderNPI`. When the capturing function
      releases the NPI itself on some path, every path that leaves without releasing it is a leak.
      When the driver keeps the NPI (captured at init, released at unload), a release must exist
      somewhere in the driver.
    - Reports calls through the provider NPI's `Dispatch` (`WskSocket`, `WskControlClient`, ...) after
      `WskReleaseProviderNPI` on the same path.

    ## Why is this bad?
    `WskDeregister` waits until every captured NPI is released, so a leaked capture hangs unload. After
    the release, the provider may detach at any time, and calls through the cached dispatch pointer
    may jump into an unloaded provider.

    ## Example
    ```c
    st = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &npi);
    if (!NT_SUCCESS(st)) return st;
    st = CreateListener(&npi);
    if (!NT_SUCCESS(st)) return st;                  /* leaks the capture */
    WskReleaseProviderNPI(&g_Registration);
    ```

    ## Use instead
    ```c
    st = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &npi);
    if (!NT_SUCCESS(st)) return st;
    st = CreateListener(&npi);
    WskReleaseProviderNPI(&g_Registration);          /* one exit path releases */
    return st;
    ```

    ## Known limitations
    Releases are found through direct calls; a release performed through a function pointer is not
    seen. Captures whose status is never checked are assumed to have succeeded.

    ## References
    - [WskCaptureProviderNPI](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nf-wsk-wskcaptureprovidernpi)
    - [WskReleaseProviderNPI](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nf-wsk-wskreleaseprovidernpi)
    - [Registering a Winsock Kernel Application](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/registering-a-winsock-kernel-application)
    """

    code = "WSK015"
    name = "provider-npi-pairing"
    category = "lifecycle"
    severity = "error"
    precision = "high"
    help = ("Give the function a single exit path that calls WskReleaseProviderNPI, or keep the NPI for the "
            "driver's lifetime and release it in unload; do not call through the NPI's Dispatch after releasing.")

    def check(self, program):
        releases: dict[str, tuple] = {}     # registration -> (its release summary, released anywhere)
        for fn in program.functions.values():
            for _, ev in fn.calls():
                call = ev.expr
                if is_call_to(call, "WskCaptureProviderNPI"):
                    key = object_key(arg(call, "WskRegistration"))
                    if key is None:
                        continue
                    if key not in releases:
                        must = MustReach(program, calls_on_registration("WskReleaseProviderNPI", key))
                        releases[key] = must, any(must.pred(e, f) for f in program.functions.values()
                                                  for _, e in f.calls())
                    yield from self._leaks(program, fn, ev, key, *releases[key])
                elif is_call_to(call, "WskReleaseProviderNPI"):
                    yield from self._use_after_release(program, fn, ev)

    def _leaks(self, program, fn, cap_ev, key, must, released_somewhere):
        releases_here = any(must.event_satisfies(e, fn) for _, e in fn.calls())
        kept = _npi_outlives(fn, cap_ev)
        if (kept or not releases_here) and released_somewhere:
            return   # kept for the driver's lifetime and released elsewhere (init/unload pairing)
        if kept and releases_here and not released_somewhere:
            releases_here = False
        leak = must.held_exit(fn, cap_ev, "provider NPI captured here")
        if leak is None:
            return
        ret, tr = leak
        where = ret.loc if ret is not None else cap_ev.loc
        if releases_here:
            msg = (f"The provider NPI captured on '{key}' is not released on a path that leaves {fn.name}; "
                   "WskDeregister will wait for it forever")
            trace = list(tr) + [step(where, "returns without WskReleaseProviderNPI")]
        else:
            deregisters = any(is_call_to(e.expr, "WskDeregister") for f in program.functions.values()
                              for _, e in f.calls())
            msg = (f"The provider NPI captured on '{key}' is never released by the driver" +
                   ("; WskDeregister will wait for it forever" if deregisters else
                    " (and the driver never deregisters from WSK)"))
            trace = list(tr) + [step(where, "no WskReleaseProviderNPI on this registration anywhere")]
        yield self.report(cap_ev.loc, msg, fn=fn, trace=trace, anchor=f"{cap_ev.expr.text} leak")

    def _use_after_release(self, program, fn, rel_ev):
        found = []

        def stp(st, fx, ev, tr):
            if ev is rel_ev:
                return True, fx, tr
            if not st:
                return st, fx, tr
            if ev.kind == "call" and is_call_to(ev.expr, "WskCaptureProviderNPI"):
                return STOP
            if ev.kind == "call" and wsk_name(ev.expr) in wsk.CLIENT_LEVEL and _through_npi(ev.expr):
                found.append(ev)
                return STOP
            return st, fx, tr

        Walk(fn, stp).run(fn.entry, 0, False, Facts())
        for ev in found:
            yield self.report(ev.loc, f"{ev.expr.name} is called through the provider NPI after "
                              "WskReleaseProviderNPI released it", fn=fn,
                              trace=[step(rel_ev.loc, "provider NPI released here"),
                                     step(ev.loc, f"{ev.expr.name} called through the released NPI")],
                              anchor=f"{ev.expr.text} after release")


def _through_npi(call) -> bool:
    """`Npi.Dispatch->WskSocket(...)`: the callee's base is the `Dispatch` member of something."""
    callee = call.callee
    if callee is None:
        return False
    base = callee.strip()
    if base.kind == "member" and base.kids:
        b = base.kids[0].strip()
        return b.kind == "member" and b.name == "Dispatch"
    return False


def _npi_outlives(fn, cap_ev) -> bool:
    """Whether the captured WSK_PROVIDER_NPI is stored beyond this call (a global, a field, an
    out-parameter), which marks a capture the driver keeps on purpose."""
    out = arg(cap_ev.expr, "WskProviderNpi")
    if out is None:
        return False
    e = out.strip()
    if e.kind == "unop" and e.op == "&" and e.kids:
        e = e.kids[0].strip()
    root = e.root()
    if root is None:
        return True
    if e.kind == "name" and root in fn.locals:
        var = fn.locals[root]
        if var.storage not in ("auto", "register"):
            return True
        # a local copied somewhere longer-lived also counts
        for _, ev in fn.events():
            if ev.kind == "assign" and ev.expr is not None and ev.expr.strip().path() == root and \
                    ev.target is not None and ev.target.root() not in fn.locals:
                return True
        return False
    return root not in fn.locals or e.kind != "name"
