from __future__ import annotations

from ..analysis import source
from ..analysis.paths import Step
from ..knowledge import wsk
from ..model import Loc
from ..result import Fix, Replacement
from .base import Rule

CONNECTION_EVENTS = wsk.EVENTS["WSK_EVENT_RECEIVE"] | wsk.EVENTS["WSK_EVENT_DISCONNECT"] | \
    wsk.EVENTS["WSK_EVENT_SEND_BACKLOG"]


class EventCallbackMask(Rule):
    """Disable event callbacks one at a time, name the WSK NPI, and do not disable static callbacks.

    ## What it does
    Reads the `WSK_EVENT_CALLBACK_CONTROL` passed to `SO_WSK_EVENT_CALLBACK` and to
    `WSK_SET_STATIC_EVENT_CALLBACKS` (the initialiser and the stores reaching the call, also when a helper
    makes the call) and reports:
    - a disable (`WSK_EVENT_DISABLE` set) naming more or fewer than one event;
    - an `NpiId` that is NULL or never set (extension interfaces use their own NPI id, which is fine);
    - disabling an event that `WSK_SET_STATIC_EVENT_CALLBACKS` enabled for every socket, or a connection
      event (receive, disconnect, send backlog) on a listening socket.

    ## Why is this bad?
    WSK disables exactly one callback per call: a mask with two events fails, and the callbacks stay
    enabled while the driver believes they are off (and may free what they use). Without the WSK NPI id
    the request fails. Statically enabled callbacks, and connection callbacks enabled on a listening socket,
    cannot be disabled at all.

    ## Example
    ```c
    cc.NpiId = NULL;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT | WSK_EVENT_DISABLE;   /* two at once */
    d->WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof cc, &cc, 0, NULL, NULL, NULL);
    ```

    ## Use instead
    ```c
    cc.NpiId = &NPI_WSK_INTERFACE_ID;
    cc.EventMask = WSK_EVENT_RECEIVE | WSK_EVENT_DISABLE;
    d->WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof cc, &cc, 0, NULL, NULL, NULL);
    cc.EventMask = WSK_EVENT_DISCONNECT | WSK_EVENT_DISABLE;
    d->WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof cc, &cc, 0, NULL, NULL, NULL);
    ```
    A SARIF fix that splits the disable into one call per event is attached when the mask is assigned in
    a plain statement before the call.

    ## Known limitations
    The control block must be a variable of the function that makes the call or of a caller that passes its
    address to a helper. Whether a pending `WskReceive` is relied on to suppress `WskReceiveEvent` is not
    checked.

    ## References
    - [Enabling and Disabling Event Callback Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/enabling-and-disabling-event-callback-functions)
    - [SO_WSK_EVENT_CALLBACK](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-wsk-event-callback)
    - [WSK_SET_STATIC_EVENT_CALLBACKS](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-set-static-event-callbacks)
    - [PFN_WSK_RECEIVE](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive)
    """

    code = "WSK027"
    name = "event-callback-mask"
    category = "callbacks"
    severity = "warning"
    precision = "high"
    help = ("Disable each event callback in its own SO_WSK_EVENT_CALLBACK call (EventMask = WSK_EVENT_X | "
            "WSK_EVENT_DISABLE) with NpiId = &NPI_WSK_INTERFACE_ID; do not disable statically enabled events.")

    def check(self, program):
        sm = program.sockets
        controls = []
        for op in sm.ops:
            req, name = sm.decode(op)
            if (req, name) in (("option", "SO_WSK_EVENT_CALLBACK"), ("client", "WSK_SET_STATIC_EVENT_CALLBACKS")):
                b = op.arg("InputBuffer")
                if b is not None and sm.decided(op, b):
                    controls.append((op, name))
        static = []
        for op, name in controls:
            if name == "WSK_SET_STATIC_EVENT_CALLBACKS":
                fn, _ = op.site(op.arg("InputBuffer"))
                for blk in sm.control_blocks(op):
                    m = sm.mask_value(blk["EventMask"], fn)
                    if m is not None and not m & wsk.WSK_EVENT_DISABLE:
                        static.append((m, op))
        for op, name in controls:
            fn, site = op.site(op.arg("InputBuffer"))
            for blk in sm.control_blocks(op):
                for loc, msg, trace, fixes in self._judge(sm, op, name, fn, site, blk, static):
                    yield self.report(loc, msg, fn=fn, trace=trace, fixes=fixes, anchor=f"{site.expr.text} {msg}")

    def _judge(self, sm, op, name, fn, site, blk, static):
        mask_src, npi_src = blk["EventMask"], blk["NpiId"]
        m = sm.mask_value(mask_src, fn)
        call_step = Step(site.loc, f"{name} control call")
        npi = sm.mask_value(npi_src, fn) if npi_src == "zero" or (isinstance(npi_src, tuple) and
                                                                  npi_src[1].strip().value is not None) else None
        if (npi == 0 or npi_src == "unset") and not (npi_src in ("zero", "unset") and sm.has_errors(fn)):
            where = npi_src[2].loc if isinstance(npi_src, tuple) and npi_src[2] is not None else site.loc
            what = "NULL" if npi == 0 else "never set"
            yield where, (f"WSK_EVENT_CALLBACK_CONTROL.NpiId is {what} for {name}; the standard events need "
                          "&NPI_WSK_INTERFACE_ID"), [call_step], None
        if m is None or name != "SO_WSK_EVENT_CALLBACK" or not m & wsk.WSK_EVENT_DISABLE:
            return
        events = m & ~wsk.WSK_EVENT_DISABLE
        names = wsk.event_names(events)
        where = mask_src[2].loc if isinstance(mask_src, tuple) and mask_src[2] is not None else site.loc
        trace = [Step(where, f"EventMask = {' | '.join(names + ['WSK_EVENT_DISABLE'])}"), call_step]
        if len(names) != 1:
            what = "no event" if not names else f"{len(names)} events ({' | '.join(names)})"
            yield where, (f"SO_WSK_EVENT_CALLBACK disables {what} in one call; each event must be disabled in a "
                          "call of its own"), trace, self._split_fix(op, fn, site, mask_src, names)
        for smask, sop in static:
            both = events & smask
            if both:
                yield where, (f"{' | '.join(wsk.event_names(both))} was enabled for every socket with "
                              "WSK_SET_STATIC_EVENT_CALLBACKS; static event callbacks cannot be disabled"), \
                    [Step(sop.loc, "enabled statically here")] + trace, None
                break
        cats = {c for o in op.origins for c in o.categories}
        if op.origins and cats == {"listen"} and events & CONNECTION_EVENTS:
            yield where, (f"{' | '.join(wsk.event_names(events & CONNECTION_EVENTS))} is disabled on a listening "
                          "socket; connection events enabled on a listener cannot be disabled there"), trace, None

    @staticmethod
    def _split_fix(op, fn, site, mask_src, names):
        """One disable call per event: `x.EventMask = A | DISABLE; call; x.EventMask = B | DISABLE; call`."""
        if len(names) < 2 or any(n.startswith("0x") for n in names):
            return None
        ev = mask_src[2] if isinstance(mask_src, tuple) else None
        if ev is None or ev.kind != "assign" or ev.target is None or ev.expr is None:
            return None
        rhs, tgt, call = ev.expr, ev.target, site.expr
        indent = source.indent(fn.file, ev.loc.line)
        tgt_text, call_text = source.text(tgt.loc), source.text(call.loc)
        if not tgt_text or not call_text or tgt.loc.col != len(indent) + 1 or not rhs.loc.end_line \
                or call.loc.line < ev.loc.line:
            return None
        head = "".join(f"{indent}{tgt_text} = {n} | WSK_EVENT_DISABLE;\n{indent}{call_text};\n" for n in names[:-1])
        at = Loc(fn.file, ev.loc.line, 1, ev.loc.line, 1)
        return [Fix("Disable one event per SO_WSK_EVENT_CALLBACK call",
                    [Replacement(at, head), Replacement(rhs.loc, f"{names[-1]} | WSK_EVENT_DISABLE")])]
