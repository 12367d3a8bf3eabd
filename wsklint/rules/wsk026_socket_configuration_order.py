from __future__ import annotations

from ..analysis.paths import Step
from ..knowledge import wsk
from .base import Rule

AFTER_BIND_IOCTLS = frozenset({"SIO_WSK_SET_REMOTE_ADDRESS", "SIO_WSK_SET_SENDTO_ADDRESS"})
AFTER_CONNECT_IOCTLS = frozenset({"SIO_WSK_QUERY_IDEAL_SEND_BACKLOG", "SIO_WSK_QUERY_RECEIVE_BACKLOG"})
DATA_CALLS = frozenset({"WskSend", "WskSendEx", "WskReceive", "WskReceiveEx", "WskDisconnect"})


class SocketConfigurationOrder(Rule):
    """Socket options and calls must come in the order WSK requires: options before bind, callbacks
    after bind or connect, connect after bind, data after connect, client-wide settings before any socket.

    ## What it does
    Walks every path from a socket's creation (through the helpers that configure it) with the socket's
    state (created, bound, listening, connected) and reports:
    - `SO_EXCLUSIVEADDRUSE`, `SO_REUSEADDR`, `SO_WSK_SECURITY`, `SO_CONDITIONAL_ACCEPT` or `IPV6_V6ONLY` set
      after `WskBind`, or on a socket made by `WskSocketConnect` (already bound and connected);
    - `SO_WSK_EVENT_CALLBACK` or `SIO_WSK_SET_REMOTE_ADDRESS` on a listening or datagram socket before it
      is bound; `SO_WSK_EVENT_CALLBACK`, `SIO_WSK_QUERY_IDEAL_SEND_BACKLOG` or
      `SIO_WSK_QUERY_RECEIVE_BACKLOG` on a connection socket before it is connected;
    - `WskConnect` before `WskBind`, `WskListen` before `WskBind`, and `WskSend`, `WskReceive` or
      `WskDisconnect` before the socket is connected;
    - `WSK_SET_STATIC_EVENT_CALLBACKS` or `WSK_TDI_BEHAVIOR` issued after a socket was created.

    ## Why is this bad?
    Out-of-order calls fail or are silently ignored. A late `SO_EXCLUSIVEADDRUSE` leaves the port open to
    hijacking while the driver believes it is protected; callbacks enabled too early are never enabled.

    ## Example
    ```c
    lst->WskBind(s, (PSOCKADDR)&any6, 0, irp);
    SetOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);          /* too late: the address is taken */
    ```

    ## Use instead
    ```c
    SetOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);          /* WskSocket -> options -> WskBind */
    lst->WskBind(s, (PSOCKADDR)&any6, 0, irp);
    ```
    Use `WskSocket` + `WskBind` + `WskConnect` instead of `WskSocketConnect` when an option must precede
    the bind.

    ## Known limitations
    Only the functions that create a socket (and the helpers they call) are followed; operations in
    callbacks or work items that run later are not ordered against them. A socket that escapes into code
    without a body, or that shares a variable with other sockets, is not judged after that point. Accepted
    sockets start out connected, so options and callbacks set on them are not reported.

    ## References
    - [SO_EXCLUSIVEADDRUSE](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-exclusiveaddruse)
    - [SO_WSK_EVENT_CALLBACK](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-wsk-event-callback)
    - [Enabling and Disabling Event Callback Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/enabling-and-disabling-event-callback-functions)
    - [PFN_WSK_SOCKET_CONNECT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket_connect)
    - [PFN_WSK_CONNECT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_connect)
    - [PFN_WSK_LISTEN](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_listen)
    - [Listening for and Accepting Incoming Connections](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/listening-for-and-accepting-incoming-connections)
    - [WSK_SET_STATIC_EVENT_CALLBACKS](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-set-static-event-callbacks)
    - [WSK_TDI_BEHAVIOR](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/wsk-tdi-behavior)
    """

    code = "WSK026"
    name = "socket-configuration-order"
    category = "sockets"
    severity = "warning"
    precision = "high"
    help = ("Order socket set-up as WskSocket -> pre-bind options (IPV6_V6ONLY, SO_EXCLUSIVEADDRUSE, "
            "SO_WSK_SECURITY) -> WskBind -> (WskListen | WskConnect) -> SO_WSK_EVENT_CALLBACK and data transfer; "
            "set static callbacks and TDI behaviour before creating any socket.")

    def check(self, program):
        sm = program.sockets
        for v in sm.visits:
            found = self._judge(sm, v)
            if found is None:
                continue
            msg, facts = found
            trace = [Step(v.origin.site_loc, v.origin.describe())]
            trace += [s for s in v.trace[1:] if any(s.note.startswith(f) or f" {f} " in s.note for f in facts)]
            trace += v.op.steps(v.op.name)
            yield self.report(v.op.loc, msg, fn=v.op.fn, trace=trace, anchor=f"{v.op.call.text} {msg}")
        for op, created in sm.late_client_controls:
            _, name = sm.decode(op)
            msg = f"{name} is issued after a socket was created; it must precede the creation of any socket"
            yield self.report(op.loc, msg, fn=op.fn, trace=created.steps("a socket is created here") +
                              op.steps(f"{name} here"), anchor=f"{op.call.text} late client control")

    @staticmethod
    def _judge(sm, v):
        st, op, origin = v.state, v.op, v.origin
        if "unknown" in st or "closed" in st or origin.kind in ("accept", "accept_event"):
            return None
        cat = origin.category
        created = origin.kind == "create"
        req, name = sm.decode(op) if op.name == "WskControlSocket" else (None, None)
        if req == "option" and name in wsk.PRE_BIND_OPTIONS:
            if origin.kind == "socket_connect":
                return (f"{name} is set on a socket that WskSocketConnect already bound and connected; it only "
                        "takes effect before WskBind"), ()
            if "bound" in st:
                return f"{name} is set after the socket was bound; it only takes effect before WskBind", ("bound",)
        if not created:
            return None
        if req == "option" and name == "SO_WSK_EVENT_CALLBACK":
            if cat in ("listen", "datagram") and "bound" not in st:
                return f"SO_WSK_EVENT_CALLBACK is used on a {cat} socket before it is bound", ()
            if cat == "connection" and "connected" not in st:
                return "SO_WSK_EVENT_CALLBACK is used on a connection socket before it is connected", ()
        if req == "ioctl" and name in AFTER_BIND_IOCTLS and cat == "datagram" and "bound" not in st:
            return f"{name} is used on a datagram socket before it is bound", ()
        if req == "ioctl" and name in AFTER_CONNECT_IOCTLS and cat == "connection" and "connected" not in st:
            return f"{name} is used on a connection socket before it is connected", ()
        if op.name in ("WskConnect", "WskConnectEx") and cat == "connection" and "bound" not in st:
            return f"{op.name} is called on a socket that was not bound; it requires a prior WskBind", ()
        if op.name == "WskListen" and "bound" not in st:
            return "WskListen is called on a socket that was not bound; it requires a prior WskBind", ()
        if op.name in DATA_CALLS and cat == "connection" and "connected" not in st:
            return f"{op.name} is called on a connection socket that is not connected", ()
        return None
