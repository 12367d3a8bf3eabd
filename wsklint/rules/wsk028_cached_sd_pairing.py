from __future__ import annotations

from ..analysis import status
from ..analysis.calls import is_const, mentions, object_key
from ..analysis.interproc import call_chains, call_steps, reaching
from ..analysis.paths import STOP, Facts, Walk, position_of, track_call_status
from ..analysis.sends import Requests, is_wait, op_arg, op_name
from .base import Rule, step

CREATES = ("WskSocket", "WskSocketConnect")
# Kernel routines that build a security descriptor in the buffer they are given (never a cached copy).
BUILDS_SD = {"RtlCreateSecurityDescriptor": 0, "RtlCreateSecurityDescriptorRelative": 0,
             "RtlAbsoluteToSelfRelativeSD": 1, "RtlSelfRelativeToAbsoluteSD": 1}
RAW_TYPES = ("SECURITY_DESCRIPTOR", "SECURITY_DESCRIPTOR_RELATIVE", "ISECURITY_DESCRIPTOR")


class CachedSdPairing(Rule):
    """Pass only cached security descriptors to WSK, release each with WSK_RELEASE_SD, and not before
    the request that uses it has completed.

    ## What it does
    - Reports a raw security descriptor (a `SECURITY_DESCRIPTOR` object, or a buffer built with
      `RtlCreateSecurityDescriptor`) passed as `SecurityDescriptor` to `WskSocket` /
      `WskSocketConnect` or through the `SO_WSK_SECURITY` socket option.
    - Pairs every cached copy (the output of `WskControlClient(WSK_CACHE_SD)` or of an
      `SO_WSK_SECURITY` get) with a `WSK_RELEASE_SD` of the same variable or field anywhere in the
      driver; a copy held in a local variable must be released (or handed on) before the function
      returns on every path where caching succeeded.
    - Reports `WSK_RELEASE_SD` of a descriptor while the `WskSocket`, `WskSocketConnect` or
      `SO_WSK_SECURITY` request that uses it may still be pending (directly, or in a helper).

    ## Why is this bad?
    WSK accepts only cached copies: a raw descriptor makes the call fail. A cached copy is held by
    WSK until `WSK_RELEASE_SD`; `WskCloseSocket` does not release it, so an unpaired cache leaks on
    every socket. Releasing the copy before the create or set request completed frees memory WSK is
    still reading.

    ## Example
    ```c
    st = Npi->Dispatch->WskSocket(Npi->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
                                  ctx, &ListenDispatch, NULL, NULL, cached, irp);
    Npi->Dispatch->WskControlClient(Npi->Client, WSK_RELEASE_SD, sizeof(cached), &cached,
                                    0, NULL, NULL, NULL);     /* WskSocket may still be pending */
    ```

    ## Use instead
    Cache the descriptor once (`WSK_CACHE_SD`, `Irp` NULL), pass the cached pointer, and release it
    after the last request that uses it has completed, typically at unload:
    ```c
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&done, Executive, KernelMode, FALSE, NULL);
    }
    Npi->Dispatch->WskControlClient(Npi->Client, WSK_RELEASE_SD, sizeof(cached), &cached, 0, NULL, NULL, NULL);
    ```

    ## Known limitations
    Cached copies held in globals or structure fields are paired by name across the driver (a
    release anywhere counts); only copies in local variables are followed path by path. A release
    is ordered after the request when a wait runs between them; which event the wait is for is not
    checked.

    ## References
    - [WSK_CACHE_SD](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-cache-sd)
    - [WSK_RELEASE_SD](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-release-sd)
    - [SO_WSK_SECURITY](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-wsk-security)
    - [PFN_WSK_CLOSE_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_close_socket)
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket)
    """

    code = "WSK028"
    name = "cached-sd-pairing"
    category = "security"
    security_severity = "6.5"
    severity = "error"
    precision = "high"
    help = ("Obtain the descriptor with WskControlClient(WSK_CACHE_SD), pass the cached pointer, and release it "
            "with WSK_RELEASE_SD once the last request that uses it has completed (for a driver-wide descriptor: "
            "at unload).")

    def check(self, program):
        self._releasing: set | None = None      # functions that may release a descriptor, built on first use
        caches, releases, uses, raw = [], [], [], {}
        for fn in program.functions.values():
            for _, ev in fn.calls():
                kind, sd = _classify(ev.expr, fn)
                if kind == "cache":
                    caches.append((fn, ev, sd))
                elif kind == "release":
                    releases.append((fn, ev, sd))
                elif kind == "use":
                    uses.append((fn, ev, sd))
                elif kind == "build":
                    raw.setdefault(object_key(sd), (fn, ev))
        cached = {object_key(sd) for _, _, sd in caches}
        released = {object_key(sd) for _, _, sd in releases}
        for fn, ev, sd in uses:
            yield from self._raw(fn, ev, sd, cached, raw)
        for fn, ev, sd in caches:
            yield from self._leak(program, fn, ev, sd, released)
        waits = Requests(program)
        for fn, ev, sd in uses:
            irp = op_arg(ev.expr, fn, "Irp")
            if irp is not None and irp.strip().value != 0:
                yield from self._early_release(program, waits, fn, ev, sd)

    def _raw(self, fn, ev, sd, cached, raw):
        key = object_key(sd)
        if key in cached:
            return
        e = sd.strip()
        target = e.kids[0].strip() if e.kind == "unop" and e.op == "&" and e.kids else None
        if target is not None and _norm(target.type) in RAW_TYPES:
            why = [step(ev.loc, f"'{target.text}' is a SECURITY_DESCRIPTOR, not a cached copy")]
        elif key in raw:
            bfn, bev = raw[key]
            why = [step(bev.loc, f"{bev.expr.name} builds the descriptor in '{key}'"),
                   step(ev.loc, "passed here without WSK_CACHE_SD")]
        else:
            return
        yield self.report(sd.loc, f"{op_name(ev.expr, fn)} is given the raw security descriptor '{sd.text}'; WSK "
                          "accepts only a copy cached with WSK_CACHE_SD", fn=fn, trace=why,
                          anchor=f"raw sd {ev.expr.text}")

    def _leak(self, program, fn, ev, sd, released):
        key = object_key(sd)
        e = sd.strip()
        local = e.kids[0].strip().name if e.kind == "unop" and e.op == "&" and e.kids \
            and e.kids[0].strip().kind == "name" and e.kids[0].strip().name in fn.locals \
            and fn.locals[e.kids[0].strip().name].storage in ("auto", "register") else None
        what = "WSK_CACHE_SD" if op_name(ev.expr, fn) == "WskControlClient" else "the SO_WSK_SECURITY get"
        if local is None:
            if key not in released:
                yield self.report(ev.loc, f"The security descriptor cached in '{key}' by {what} is never released "
                                  "with WSK_RELEASE_SD (WskCloseSocket does not release it)", fn=fn,
                                  trace=[step(ev.loc, f"{what} returns a cached copy in '{key}'")],
                                  anchor=f"sd leak {key}", severity="warning")
            return
        if self._releasing is None:
            self._releasing = reaching(program, _releases_sd)
        exit_loc = _local_leak(program, fn, ev, local, self._releasing)
        if exit_loc is not None:
            yield self.report(ev.loc, f"The security descriptor cached in '{local}' by {what} is not released with "
                              "WSK_RELEASE_SD on a path where caching succeeded", fn=fn,
                              trace=[step(ev.loc, f"{what} returns a cached copy in '{local}'"),
                                     step(exit_loc, "leaves the function without releasing it")],
                              anchor=f"sd leak {fn.name} {local}", severity="warning")

    def _early_release(self, program, waits, fn, use_ev, sd):
        key = object_key(sd)
        found = []

        def stp(st, fx, ev, tr):
            if ev is use_ev:
                fx, k = track_call_status(fx, ev, ev.expr)
                return k, fx, tr
            if st is None or ev.kind != "call":
                return st, fx, tr
            call = ev.expr
            if is_wait(call):
                return STOP
            callee = program.callee(call, fn)
            if callee is not None and callee.blocks and waits.may_wait(callee):
                return STOP
            if status.PENDING not in (fx.get(st) or status.ANY):
                return STOP
            kind, rsd = _classify(call, fn)
            if kind == "release" and object_key(rsd) == key:
                found.append((ev, []))
                return STOP
            if callee is not None and callee.blocks and any(object_key(a) == key for a in call.args):
                for chain, f, e in call_chains(program, callee, _releases_sd):
                    found.append((ev, chain + [(f, e)]))
                    return STOP
            return st, fx, tr

        pos = position_of(fn, use_ev)
        Walk(fn, stp).run(pos[0], pos[1], None, Facts())
        for ev, chain in found[:1]:
            trace = [step(use_ev.loc, f"{op_name(use_ev.expr, fn)} uses the cached descriptor '{key}' and may return "
                                      "STATUS_PENDING"),
                     step(ev.loc, "WSK_RELEASE_SD before the request completed" if not chain else
                          f"{ev.expr.name} releases it before the request completed")]
            trace += call_steps(chain[1:])
            yield self.report(ev.loc, f"The cached security descriptor '{key}' is released while the "
                              f"{op_name(use_ev.expr, fn)} request that uses it may still be pending", fn=fn,
                              trace=trace, anchor=f"early release {key} {use_ev.expr.text}")


def _classify(call, fn):
    """('cache'|'release'|'use'|'build', the descriptor expression) for calls that handle one."""
    name = op_name(call, fn)
    if name == "WskControlClient":
        code = op_arg(call, fn, "ControlCode")
        if is_const(code, "WSK_CACHE_SD"):
            return "cache", op_arg(call, fn, "OutputBuffer")
        if is_const(code, "WSK_RELEASE_SD"):
            return "release", op_arg(call, fn, "InputBuffer")
    elif name == "WskControlSocket" and is_const(op_arg(call, fn, "ControlCode"), "SO_WSK_SECURITY"):
        kind = op_arg(call, fn, "RequestType")
        if is_const(kind, "WskGetOption"):
            return "cache", op_arg(call, fn, "OutputBuffer")
        if is_const(kind, "WskSetOption"):
            buf = op_arg(call, fn, "InputBuffer")
            return ("use", buf) if buf is not None else (None, None)
    elif name in CREATES:
        sd = op_arg(call, fn, "SecurityDescriptor")
        if sd is not None and sd.strip().value != 0:
            return "use", sd
    elif call.op == "direct" and call.name in BUILDS_SD and len(call.args) > BUILDS_SD[call.name]:
        return "build", call.args[BUILDS_SD[call.name]]
    return None, None


def _releases_sd(ev, fn) -> bool:
    return ev.kind == "call" and _classify(ev.expr, fn)[0] == "release"


def _norm(t: str) -> str:
    for w in ("const ", "volatile ", "struct "):
        t = t.replace(w, "")
    return t.strip().lstrip("_")


def _local_leak(program, fn, cache_ev, name, releasing):
    """Where a path leaves `fn` with the cached copy in local `name` neither released nor handed on
    (`releasing`: the functions that may release a descriptor)."""
    out = []

    def stp(st, fx, ev, tr):
        if ev is cache_ev:
            fx, k = track_call_status(fx, ev, ev.expr)
            return k, fx, tr
        if st is None:
            return st, fx, tr
        if ev.kind == "call":
            call = ev.expr
            kind, rsd = _classify(call, fn)
            if kind == "release" and object_key(rsd) == name:
                return STOP
            if not op_name(call, fn) and call.ref != "api" and any(mentions(a, name) for a in call.args):
                callee = program.callee(call, fn)
                if callee is None or callee.key in releasing:
                    return STOP                       # a helper (or code we cannot see) takes it over
        elif ev.kind in ("assign", "decl") and mentions(ev.expr, name):
            tgt = ev.target.strip() if ev.target is not None else None
            if tgt is None or tgt.kind != "name" or tgt.name not in fn.locals:
                return STOP                           # stored where someone else releases it
        elif ev.kind == "return" and mentions(ev.expr, name):
            return STOP
        return st, fx, tr

    def at_exit(st, fx, tr, ret):
        if st is not None and not out and (fx.get(st) or status.ANY) & status.SUCCESS:
            out.append(ret.loc if ret is not None else fn.loc)

    pos = position_of(fn, cache_ev)
    Walk(fn, stp, at_exit).run(pos[0], pos[1], None, Facts())
    return out[0] if out else None
