from __future__ import annotations

from ..analysis.paths import Step
from ..knowledge import wsk
from ..program import _norm
from .base import Rule


class ReservedFlags(Rule):
    """Reserved flags must be 0, socket and receive flags must be valid combinations, and the client
    version must be made with MAKE_WSK_VERSION.

    ## What it does
    Evaluates the constant arguments of WSK calls, through helpers (a constant passed to a wrapper's
    `Flags` parameter counts where it is passed):
    - the reserved `Flags` of `WskBind`, `WskConnect`, `WskSocketConnect`, `WskSendTo`, `WskReceiveFrom`,
      `WskSendMessages` and `WskAccept` must be 0;
    - `WskReceive` must not combine `WSK_FLAG_WAITALL` with `WSK_FLAG_DRAIN`, and `WSK_FLAG_DRAIN` needs a
      zero-length `WSK_BUF`;
    - `WskSocket` needs exactly one `WSK_FLAG_*_SOCKET` category;
    - `WSK_CLIENT_DISPATCH.Reserved` must be 0 and `Version` a `MAKE_WSK_VERSION(major, minor)` value.

    ## Why is this bad?
    WSK rejects a call with a non-zero reserved parameter (the request fails), so the code path never
    worked. WAITALL and DRAIN contradict each other; DRAIN discards data instead of filling a buffer. A
    `Version` of 1 is version 0.1, which no provider supports, so registration fails.

    ## Example
    ```c
    dg->WskSendTo(s, &buf, WSK_FLAG_NODELAY, (PSOCKADDR)&to, 0, NULL, irp);   /* reserved: must be 0 */
    conn->WskReceive(s, &bigBuf, WSK_FLAG_WAITALL | WSK_FLAG_DRAIN, irp);
    const WSK_CLIENT_DISPATCH Client = { 1, 0, NULL };                        /* version 0.1 */
    ```

    ## Use instead
    ```c
    dg->WskSendTo(s, &buf, 0, (PSOCKADDR)&to, 0, NULL, irp);
    conn->WskReceive(s, &zeroLengthBuf, WSK_FLAG_DRAIN, irp);
    const WSK_CLIENT_DISPATCH Client = { MAKE_WSK_VERSION(1, 0), 0, NULL };
    ```

    ## Known limitations
    Only values known at compile time are judged (a macro that expands to 0 is 0). The NTDDI_VERSION guard
    around `WskSendMessages` and the `STATUS_NOINTERFACE` fallback of `WskCaptureProviderNPI` are not
    checked.

    ## References
    - [PFN_WSK_SEND_TO](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_to)
    - [PFN_WSK_RECEIVE](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive)
    - [PFN_WSK_SEND_MESSAGES](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_messages)
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket)
    - [Registering a Winsock Kernel Application](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/registering-a-winsock-kernel-application)
    """

    code = "WSK038"
    name = "reserved-flags"
    category = "api"
    severity = "warning"
    precision = "high"
    help = "Pass 0 for reserved flags, one socket category to WskSocket, and MAKE_WSK_VERSION(1, 0) as the version."

    def check(self, program):
        sm = program.sockets
        for op in sm.ops:
            for loc, fn, msg, trace, sev in self._op(sm, op):
                yield self.report(loc, msg, fn=fn, trace=trace, anchor=f"{op.call.text} {msg}", severity=sev)
        yield from self._client_dispatch(program, sm)

    def _op(self, sm, op):
        name = op.name
        param = wsk.RESERVED_FLAGS.get(name)
        if param:
            b = op.arg(param)
            vals = self._known(sm, b)
            bad = sorted(v for v in vals if v != 0)
            if bad:
                fn, ev = op.site(b)
                yield (self._loc(b, fn, ev), fn, f"The reserved Flags of {name} is 0x{bad[0]:X}; it must be 0",
                       op.steps(f"{name} with Flags 0x{bad[0]:X}"), "error")
        elif name in ("WskReceive", "WskReceiveEx"):
            b = op.arg("Flags")
            for v in self._known(sm, b):
                fn, ev = op.site(b)
                if v & wsk.WSK_FLAG_WAITALL and v & wsk.WSK_FLAG_DRAIN:
                    yield (self._loc(b, fn, ev), fn, f"{name} combines WSK_FLAG_WAITALL with WSK_FLAG_DRAIN",
                           op.steps(f"{name} with Flags 0x{v:X}"), "error")
                elif v & wsk.WSK_FLAG_DRAIN:
                    length = self._buffer_length(sm, op.arg("Buffer"))
                    if length:
                        yield (self._loc(b, fn, ev), fn, f"{name} uses WSK_FLAG_DRAIN with a WSK_BUF of length "
                               f"{length}; DRAIN needs a zero-length buffer", op.steps(f"{name} drains"), "error")
        elif name == "WskSocket":
            b = op.arg("Flags")
            for v in self._known(sm, b):
                if wsk.u32(v) not in wsk.SOCKET_CATEGORIES:
                    fn, ev = op.site(b)
                    names = [f"WSK_FLAG_{c.upper()}_SOCKET" for f, c in wsk.SOCKET_CATEGORIES.items() if f and v & f]
                    what = " and ".join(names) if len(names) > 1 else f"0x{v:X}"
                    yield (self._loc(b, fn, ev), fn, f"WskSocket Flags {what} is not exactly one socket category",
                           op.steps("WskSocket"), "error")

    @staticmethod
    def _known(sm, b) -> list:
        """Known values of `b` when `b`'s function decides them (else the call sites that do are judged)."""
        if b is None:
            return []
        res = sm.resolve(b.expr, b.fn)
        if any(r.fn is not b.fn for r in res):
            return []
        return [r.expr.strip().value for r in res if r.expr.strip().value is not None]

    @staticmethod
    def _loc(b, fn, ev):
        """The argument when it is written in `fn`, else the call in `fn` that passes it on."""
        return b.expr.loc if b.fn is fn and b.expr.loc.file == fn.file else ev.loc

    @staticmethod
    def _buffer_length(sm, b) -> int | None:
        if b is None:
            return None
        s = b.expr.strip()
        if not (s.kind == "unop" and s.op == "&" and s.kids and s.kids[0].strip().kind == "name"):
            return None
        var = s.kids[0].strip().name
        own = sm.owner(var, b.fn)
        if own is None:
            return None
        lengths = set()
        for _, ev in own.events():
            if ev.kind == "assign" and ev.target is not None and ev.expr is not None:
                t = ev.target.strip()
                if t.kind == "member" and t.name == "Length" and t.root() == var:
                    lengths.add(sm._value_of(ev.expr, own))
        return lengths.pop() if len(lengths) == 1 and None not in lengths else None

    def _client_dispatch(self, program, sm):
        """WSK_CLIENT_DISPATCH initialisers and stores: Reserved 0, Version from MAKE_WSK_VERSION."""
        fields = ("Version", "Reserved", "WskClientEvent")
        items = []
        for m in program.files:
            for g in m.globals:
                if g.init is not None and g.init.kind == "init" and _norm(g.type) == "WSK_CLIENT_DISPATCH":
                    items.append((g.init, None))
        for fn in program.functions.values():
            for _, ev in fn.events():
                if ev.kind == "decl" and ev.expr is not None and ev.expr.kind == "init" and ev.target is not None \
                        and _norm(ev.target.type) == "WSK_CLIENT_DISPATCH":
                    items.append((ev.expr, fn))
        for init, fn in items:
            for i, item in enumerate(init.kids):
                name = item.name.split(".")[-1] if item.kind == "field_init" else (fields[i] if i < 3 else "")
                val = item.kids[0] if item.kind == "field_init" and item.kids else item
                v = val.strip().value
                if v is None:
                    continue
                if name == "Reserved" and v != 0:
                    yield self.report(val.loc, f"WSK_CLIENT_DISPATCH.Reserved is {v}; it must be 0", fn=fn,
                                      anchor=f"{init.text} Reserved", severity="error")
                elif name == "Version" and (v >> 8) == 0 and "MAKE_WSK_VERSION" not in (val.macro, val.text):
                    yield self.report(val.loc, f"WSK_CLIENT_DISPATCH.Version {v} is version 0.{v & 0xFF}; WSK "
                                      f"versions are MAKE_WSK_VERSION(major, minor)", fn=fn,
                                      trace=[Step(val.loc, "the client's WSK version")], anchor=f"{init.text} Version")
