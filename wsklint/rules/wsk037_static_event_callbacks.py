from __future__ import annotations

from ..analysis.sends import field_value
from ..knowledge import wsk
from .base import Rule, step

# The data-path events of each category. Listening sockets are left out: accept indications come once
# per connection and the per-socket request once per listener, so there is little to gain.
CATEGORY_EVENTS = {
    "datagram": wsk.EVENTS["WSK_EVENT_RECEIVE_FROM"],
    "connection": wsk.EVENTS["WSK_EVENT_RECEIVE"] | wsk.EVENTS["WSK_EVENT_DISCONNECT"]
    | wsk.EVENTS["WSK_EVENT_SEND_BACKLOG"],
}


class StaticEventCallbacks(Rule):
    """Use WSK_SET_STATIC_EVENT_CALLBACKS when every socket of a category enables the same events.

    ## What it does
    For each socket category with data-path events (datagram, connection), checks the sockets the
    driver creates (`WskSocket`, `WskSocketConnect`). When each of them enables event callbacks with
    `SO_WSK_EVENT_CALLBACK` right after creation (in the flow that creates it), every one with the
    same event mask, no socket of that category enables a different mask, nothing ever disables
    those events and the driver does not already use `WSK_SET_STATIC_EVENT_CALLBACKS`, reports the
    first enabling request.

    ## Why is this bad?
    Enabling callbacks per socket costs a control request for each socket and per-socket state on
    the receive path; Microsoft states that static event callbacks give much better performance, and
    msquic measured significant spin-lock time on its receive path before switching to them. When
    every socket enables the same events and never disables them, nothing is gained by doing it per
    socket.

    ## Example
    ```c
    /* after creating each datagram socket */
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    disp->WskControlSocket(s, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET, sizeof(ctl), &ctl, 0, NULL, NULL, NULL);
    ```

    ## Use instead
    Once, after capturing the provider NPI and before creating any socket:
    ```c
    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_RECEIVE_FROM;
    Npi.Dispatch->WskControlClient(Npi.Client, WSK_SET_STATIC_EVENT_CALLBACKS, sizeof(ctl), &ctl, 0, NULL, NULL, NULL);
    ```

    ## Known limitations
    Sockets whose enabling is deferred (done outside the flow that creates them, for example once
    their context is ready or their connection completed) and categories with accepted sockets or
    with sockets that enable different events are left alone: static callbacks cannot be deferred,
    cannot differ between sockets and can never be disabled. Listening sockets are not judged
    (accept indications are rare next to data indications); a socket created without a client
    dispatch table makes its category mixed. Masks are known when the
    `EventMask` field is assigned one constant in the enabling function.

    ## References
    - [WSK_SET_STATIC_EVENT_CALLBACKS](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-set-static-event-callbacks)
    - [Enabling and Disabling Event Callback Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/enabling-and-disabling-event-callback-functions)
    - [msquic PR #588 "Static WSK Receive Callbacks"](https://github.com/microsoft/msquic/pull/588)
    """

    code = "WSK037"
    name = "static-event-callbacks"
    category = "performance"
    severity = "note"
    precision = "medium"
    help = ("Call WskControlClient(Client, WSK_SET_STATIC_EVENT_CALLBACKS, ...) once, before creating any socket, "
            "with the common event mask, and drop the per-socket SO_WSK_EVENT_CALLBACK requests.")

    def check(self, program):
        sm = program.sockets
        if any(sm.decode(op) == ("client", "WSK_SET_STATIC_EVENT_CALLBACKS") for op in sm.ops):
            return
        enables = [op for op in sm.ops if sm.decode(op) == ("option", "SO_WSK_EVENT_CALLBACK")]
        if not enables:
            return
        masks = {id(op.call): _mask(op) for op in enables}
        disabled = 0
        for m in masks.values():
            if m is not None and m & wsk.WSK_EVENT_DISABLE:
                disabled |= m
        first_enable = {}
        for v in sm.visits:
            if id(v.op.call) in masks and v.op.origins == frozenset({v.origin}):
                first_enable.setdefault(id(v.origin), v.op)
        for category, events in CATEGORY_EVENTS.items():
            yield from self._category(sm, category, events, enables, masks, disabled, first_enable)

    def _category(self, sm, category, events, enables, masks, disabled, first_enable):
        population = [o for o in sm.origins if category in o.categories]
        # a socket created without a client dispatch table takes no callbacks: the population is mixed
        if not population or any(o.categories != frozenset({category}) or o.kind not in ("create", "socket_connect")
                                 or o.client_tables == frozenset({"NULL"}) for o in population):
            return
        chosen = []
        for o in population:
            op = first_enable.get(id(o))
            m = masks.get(id(op.call)) if op is not None else None
            if m is None or not m & events or m & wsk.WSK_EVENT_DISABLE:
                return                      # deferred, unknown or no enabling: not every socket alike
            chosen.append((o, op, m & events))
        mask = chosen[0][2]
        if any(m != mask for _, _, m in chosen) or disabled & mask:
            return
        for op in enables:
            m = masks[id(op.call)]
            if op.origins and all(category in o.categories for o in op.origins) and (m is None or m & events != mask):
                return                      # some socket of the category enables other events
        o, op, _ = chosen[0]
        names = " | ".join(wsk.event_names(mask))
        trace = [step(x.loc, f"{x.describe()}") for x, _, _ in chosen]
        trace.append(step(op.call.loc, f"enables {names} right after creation; nothing disables it"))
        yield self.report(op.call.loc, f"Every {category} socket the driver creates enables the same event callbacks "
                          f"({names}) right after creation and never disables them: "
                          "WSK_SET_STATIC_EVENT_CALLBACKS would enable them without a request per socket",
                          fn=op.inner, trace=trace, related=[step(p.call.loc, "same enabling") for _, p, _ in chosen[1:]],
                          anchor=f"static callbacks {category} {names}")


def _mask(op) -> int | None:
    b = op.arg("InputBuffer")
    return field_value(b.fn, b.expr, "EventMask") if b is not None else None
