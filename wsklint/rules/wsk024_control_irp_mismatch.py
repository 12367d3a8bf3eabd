from __future__ import annotations

from ..analysis import status
from ..analysis.calls import FREE_POOL, is_call_to
from ..analysis.paths import STOP, Facts, Step, Walk, track_call_status
from ..knowledge import wsk
from .base import Rule


class ControlIrpMismatch(Rule):
    """Control operations that need an IRP must get one, those that forbid one must not, and a callback
    disabled without an IRP may still be running.

    ## What it does
    Decodes every `WskControlSocket` / `WskControlClient` call (also through generic wrappers: the
    option, level and IRP are read where the wrapper is called) and checks the IRP argument:
    - **IRP required**: `SO_EXCLUSIVEADDRUSE`, `SO_REUSEADDR`, `SO_WSK_SECURITY`,
      `SIO_WSK_QUERY_IDEAL_SEND_BACKLOG`, `SIO_WSK_QUERY_RECEIVE_BACKLOG`, `WskCloseSocket`,
      `WskInspectComplete`;
    - **IRP forbidden**: enabling callbacks with `SO_WSK_EVENT_CALLBACK` (the `EventMask` written to the
      control block tells enabling from disabling), `WSK_SET_STATIC_EVENT_CALLBACKS`, `WSK_CACHE_SD`,
      `WSK_RELEASE_SD`, `WSK_TDI_BEHAVIOR`;
    - transport-level options (`IPPROTO_IP`, `IPPROTO_IPV6`, `IPPROTO_TCP`, `IPPROTO_UDP`) set without an
      IRP get a note: the WSK documentation does not state that they work without one;
    - after disabling a callback without an IRP, freeing the socket's context on a path where the status
      was only tested with `NT_SUCCESS` (which `STATUS_EVENT_PENDING` passes).

    ## Why is this bad?
    A required IRP that is missing makes the call fail or misbehave; an IRP where none is allowed is
    rejected. When a disable call without an IRP returns `STATUS_EVENT_PENDING`, the callback is still
    running and is disabled only when it returns: freeing its context then is a use-after-free.

    ## Example
    ```c
    disp->WskControlSocket(s, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof on, &on, 0, NULL, NULL, NULL);
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE;
    st = disp->WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof cc, &cc, 0, NULL, NULL, NULL);
    if (NT_SUCCESS(st)) ExFreePool(ctx);        /* STATUS_EVENT_PENDING is a success code */
    ```

    ## Use instead
    ```c
    disp->WskControlSocket(s, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, sizeof on, &on, 0, NULL, NULL, irp);
    st = disp->WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof cc, &cc, 0, NULL, NULL, NULL);
    if (st == STATUS_EVENT_PENDING) ExWaitForRundownProtectionRelease(&ctx->CallbacksRunning);
    ExFreePool(ctx);
    ```

    ## Known limitations
    An IRP argument counts as present when it is never a NULL constant and comes from something other
    than an unresolved parameter. Passing an IRP where it is optional (disabling callbacks, most options)
    is fine and not reported, so wrappers that always pass one are only reported for the operations that
    forbid it. The free check follows the function that disables the callback, and only frees of the
    socket's context or of the structure holding the socket.

    ## References
    - [SO_WSK_EVENT_CALLBACK](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-wsk-event-callback)
    - [WSK_SET_STATIC_EVENT_CALLBACKS](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-set-static-event-callbacks)
    - [SO_EXCLUSIVEADDRUSE](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-exclusiveaddruse)
    - [SO_REUSEADDR](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-reuseaddr)
    - [SO_WSK_SECURITY](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-wsk-security)
    - [WSK_CACHE_SD](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-cache-sd)
    - [WSK_RELEASE_SD](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-release-sd)
    - [WSK_TDI_BEHAVIOR](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-tdi-behavior)
    - [SIO_WSK_QUERY_IDEAL_SEND_BACKLOG](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/sio-wsk-query-ideal-send-backlog)
    - [PFN_WSK_CONTROL_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_control_socket)
    """

    code = "WSK024"
    name = "control-irp-mismatch"
    category = "api"
    severity = "error"
    precision = "high"
    help = ("Pass an IRP for the operations that require one and NULL for those that forbid one; after "
            "disabling a callback without an IRP, treat STATUS_EVENT_PENDING as 'still running'.")

    def check(self, program):
        sm = program.sockets
        for op in sm.ops:
            for fn, loc, msg, sev, trace in self._judge(sm, op):
                yield self.report(loc, msg, fn=fn, trace=trace, anchor=f"{op.call.text} {msg}", severity=sev)
            if op.direct and op.name == "WskControlSocket":
                yield from self._free_after_disable(program, sm, op)

    def _judge(self, sm, op):
        irp = op.arg("Irp")
        if op.name in wsk.IRP_REQUIRED_CALLS:
            if sm.decided(op, irp) and sm.irp_state(irp) == "null":
                fn, ev = op.site(irp)
                yield fn, ev.loc, f"{op.name} is called with a NULL IRP; it requires one", None, \
                    op.steps(f"{op.name} without an IRP")
            return
        if op.name not in ("WskControlSocket", "WskControlClient"):
            return
        code = op.arg("ControlCode")
        bounds = (code, irp, op.arg("Level"), op.arg("RequestType"))
        if not sm.decided(op, *bounds):
            return
        req, name = sm.decode(op)
        state = sm.irp_state(irp)
        if req is None or state is None:
            return
        fn, ev = op.site(*bounds)
        if name is None:
            level = sm.level_of(op)
            if req == "option" and state == "null" and level in wsk.TRANSPORT_LEVELS:
                yield fn, ev.loc, self._transport_note(sm, op, level), "note", op.steps("option set without an IRP")
            return
        kind = "option" if req in ("option", "get") else req
        need = wsk.CONTROL_IRP.get((kind, name))
        if name == "SO_WSK_EVENT_CALLBACK":
            need = "forbidden" if self._enabling(sm, op) else None
        if need == "required" and state == "null":
            yield fn, ev.loc, f"{name} is used with a NULL IRP; it requires one", None, \
                op.steps(f"{op.name} {name} without an IRP")
        elif need == "forbidden" and state == "set":
            what = "Enabling callbacks with SO_WSK_EVENT_CALLBACK" if name == "SO_WSK_EVENT_CALLBACK" else name
            yield fn, ev.loc, f"{what} is passed an IRP; it must be called with Irp NULL", None, \
                op.steps(f"{op.name} {name} with an IRP")
        elif need is None and kind == "option" and req == "option" and state == "null" \
                and wsk.SOCKET_OPTIONS[name][0] in wsk.TRANSPORT_LEVELS:
            yield fn, ev.loc, self._transport_note(sm, op, wsk.SOCKET_OPTIONS[name][0], name), "note", \
                op.steps("option set without an IRP")

    @staticmethod
    def _transport_note(sm, op, level, name=None) -> str:
        lv = next((k for k, v in wsk.LEVELS.items() if v == level), str(level))
        what = f"the {lv} option {name}" if name else f"an {lv} option"
        return (f"WskControlSocket sets {what} with a NULL IRP; the WSK documentation does not say that "
                "transport-level options may be set without one")

    @staticmethod
    def _masks(sm, op) -> list:
        fn, _ = op.site(op.arg("InputBuffer"))
        return [sm.mask_value(b["EventMask"], fn) for b in sm.control_blocks(op)]

    def _enabling(self, sm, op) -> bool:
        masks = self._masks(sm, op)
        return bool(masks) and all(m is not None and not m & wsk.WSK_EVENT_DISABLE for m in masks)

    def _disabling(self, sm, op) -> bool:
        masks = self._masks(sm, op)
        return bool(masks) and all(m is not None and m & wsk.WSK_EVENT_DISABLE for m in masks)

    def _free_after_disable(self, program, sm, op):
        """NT_SUCCESS-guarded frees of the socket's context after a disable without an IRP."""
        req, name = sm.decode(op)
        if name != "SO_WSK_EVENT_CALLBACK" or sm.irp_state(op.arg("Irp")) != "null" or not self._disabling(sm, op):
            return
        fn, call_ev = op.fn, op.event
        sock = op.arg("Socket").expr
        roots = {sock.root()} - {None}
        ctx_types = set()
        for o in op.origins:
            if o.call is not None:
                args = dict(zip(wsk.PROVIDER_FUNCTIONS[o.call.name], o.call.args))
                c = args.get("SocketContext")
                if c is not None and c.strip().type:
                    ctx_types.add(_pointee(c.strip().type))
        found = []

        def stp(st, fx, ev, tr):
            if ev is call_ev:
                fx, key = track_call_status(fx, ev, ev.expr)
                return ("maybe", key), fx, tr + (Step(ev.loc, "a callback is disabled without an IRP"),)
            if st is None or st[0] != "maybe":
                return st, fx, tr
            if ev.kind == "call" and is_call_to(ev.expr, FREE_POOL) and ev.expr.args:
                freed = ev.expr.args[0].strip()
                outcomes = fx.get(st[1]) or status.ANY
                related = freed.root() in roots or (freed.type and _pointee(freed.type) in ctx_types)
                if related and outcomes <= status.SUCCESS:
                    found.append((ev, tr))
                    return STOP
            return st, fx, tr

        def edge(st, blk, succ, label):
            if st is None or st[0] != "maybe" or blk.cond is None or label not in ("T", "F"):
                return st
            c = blk.cond.strip()
            if c.kind == "binop" and c.op in ("==", "!=") and len(c.kids) == 2:
                consts = [status.const_status(k) for k in c.kids]
                if 0 in consts or wsk.STATUS["STATUS_EVENT_PENDING"] in consts:
                    return ("exact", st[1])
            return st

        Walk(fn, stp, edge=edge).run(fn.entry, 0, None, Facts())
        for ev, tr in found[:1]:
            msg = ("The socket's context is freed after disabling a callback without an IRP, on a path that only "
                   "tested NT_SUCCESS; STATUS_EVENT_PENDING (callback still running) passes that test")
            yield self.report(ev.loc, msg, fn=fn, trace=list(tr) + [Step(ev.loc, "freed here")],
                              anchor=f"{op.call.text} free after disable")


def _pointee(t: str) -> str:
    s = t.replace("const ", "").replace("struct ", "").replace("*", "").strip().lstrip("_")
    return s[1:] if s.startswith("P") and s[1:2].isupper() else s
