from __future__ import annotations

from ..analysis.paths import Step
from ..analysis.socket_fixes import set_option_before_bind
from ..knowledge import wsk
from .base import Rule

SERVICE = frozenset({"listen", "datagram", "stream"})
MAPPED_USERS = {"WskConnect": "RemoteAddress", "WskConnectEx": "RemoteAddress", "WskSendTo": "RemoteAddress",
                "WskSendMessages": "RemoteAddress"}


class DualStackMisconfiguration(Rule):
    """An IPv6 wildcard service socket is IPv6-only unless IPV6_V6ONLY is cleared before bind; v4-mapped
    addresses need a dual-stack socket; a dual-stack socket conflicts with an IPv4 wildcard socket on the
    same port.

    ## What it does
    Follows each `AF_INET6` socket to its `WskBind` and later calls:
    - a listening, datagram or stream socket bound to the IPv6 wildcard address (`IN6ADDR_ANY_INIT`, a
      zeroed `sin6_addr`) with no `IPV6_V6ONLY` set before the bind gets a note, unless the driver also binds
      an `AF_INET` socket on the same (or a run-time) port; a SARIF fix clearing `IPV6_V6ONLY` before the
      bind is attached when the function already sets options through a helper it can copy;
    - a v4-mapped address (`IN6ADDR_SETV4MAPPED`) sent to or connected on a socket that is IPv6-only
      (`IPV6_V6ONLY` set to 1, or never cleared) is reported;
    - a socket made dual-stack (`IPV6_V6ONLY` = 0) on a wildcard port that an `AF_INET` wildcard socket of
      the driver also binds is reported.

    ## Why is this bad?
    On Windows Vista and later an `AF_INET6` socket is IPv6-only by default: a wildcard listener that
    should serve IPv4 as well silently never sees IPv4 clients. Sending to a v4-mapped address on an
    IPv6-only socket fails. A dual-stack wildcard socket and a separate IPv4 wildcard socket on one port
    collide at bind time.

    ## Example
    ```c
    disp->WskSocket(cl, AF_INET6, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, ...);
    lst->WskBind(s, (PSOCKADDR)&in6addr_any_port, 0, irp);    /* IPv6 only: IPv4 clients fail */
    ```

    ## Use instead
    ```c
    SetOption(s, IPPROTO_IPV6, IPV6_V6ONLY, 0);               /* with an IRP, before the bind */
    lst->WskBind(s, (PSOCKADDR)&in6addr_any_port, 0, irp);
    ```
    or open a second `AF_INET` socket and set `IPV6_V6ONLY` to 1 explicitly on the IPv6 one.

    ## Known limitations
    An IPv6-only service by design is recognised by `IPV6_V6ONLY` set explicitly (to any value) before the
    bind. Sockets whose family, port or address is decided at run time are not judged. `IP_PKTINFO` for
    IPv4 packet information on a dual-stack datagram socket is not checked.

    ## References
    - [Dual-Stack Sockets for IPv6 Winsock Applications](https://learn.microsoft.com/en-us/windows/win32/winsock/dual-stack-sockets)
    - [WSK sample echosrv (IPV6_V6ONLY cleared before bind)](https://github.com/microsoft/Windows-driver-samples/blob/main/network/wsk/echosrv/wsksmple.c)
    - [wireguard-nt socket.c (IPV6_V6ONLY set plus a separate IPv4 socket)](https://github.com/WireGuard/wireguard-nt/blob/master/driver/socket.c)
    - [AF_INET6](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/af-inet6)
    """

    code = "WSK032"
    name = "dual-stack-misconfiguration"
    category = "sockets"
    severity = "warning"
    precision = "medium"
    help = ("Clear IPV6_V6ONLY (IPPROTO_IPV6) before binding an IPv6 wildcard socket that must also serve IPv4, or "
            "open a separate AF_INET socket and set IPV6_V6ONLY to 1; give IPv4 peers of dual-stack sockets as "
            "v4-mapped SOCKADDR_IN6.")

    def check(self, program):
        sm = program.sockets
        v4_ports = self._v4_wildcard_ports(sm)
        for v in sm.visits:
            found = None
            if v.op.name == "WskBind":
                found = self._bind(sm, v, v4_ports)
            elif "unknown" not in v.state and v.origin.family == wsk.AF_INET6:
                found = self._mapped(sm, v)
            if found is None:
                continue
            msg, sev, fix, extra = found
            trace = [Step(v.origin.site_loc, v.origin.describe())] + list(v.trace[1:]) + v.op.steps(v.op.name)
            yield self.report(v.op.loc, msg, fn=v.op.fn, trace=trace, related=extra, fixes=[fix] if fix else None,
                              anchor=f"{v.op.call.text} {msg}", severity=sev)

    def _bind(self, sm, v, v4_ports):
        o = v.origin
        if "unknown" in v.state or o.kind != "create" or o.family != wsk.AF_INET6 or o.category not in SERVICE:
            return None
        infos = sm.addresses(v.op.arg("LocalAddress"))
        if not infos or not all(i.wildcard for i in infos):
            return None
        ports = {i.port for i in infos}
        port = ports.pop() if len(ports) == 1 else None
        opts = v.options
        if "IPV6_V6ONLY" not in opts:
            if None in v4_ports or port is None or port in v4_ports:
                return None
            where = f" port {port}" if port else ""
            return (f"The AF_INET6 {o.category} socket is bound to the IPv6 wildcard address{where} without "
                    "clearing IPV6_V6ONLY; it is IPv6-only, so IPv4 clients cannot reach it", "note",
                    set_option_before_bind(sm, v, "IPV6_V6ONLY", 0, "v6Only"), ())
        if opts["IPV6_V6ONLY"] == 0 and port and port in v4_ports:
            other = v4_ports[port]
            return (f"The dual-stack socket (IPV6_V6ONLY = 0) is bound to wildcard port {port}, which an AF_INET "
                    "wildcard socket also binds; the two binds conflict", None, None,
                    [Step(other, "the AF_INET wildcard socket binds the same port here")])
        return None

    @staticmethod
    def _mapped(sm, v):
        op = v.op
        param = MAPPED_USERS.get(op.name)
        if param is None and op.name == "WskControlSocket":
            req, name = sm.decode(op)
            param = "InputBuffer" if req == "ioctl" and name in ("SIO_WSK_SET_REMOTE_ADDRESS",
                                                                 "SIO_WSK_SET_SENDTO_ADDRESS") else None
        if param is None:
            return None
        infos = sm.addresses(op.arg(param))
        if not infos or not all(i.v4mapped for i in infos):
            return None
        v6only = v.options.get("IPV6_V6ONLY", "default")
        if v6only in (0, None):
            return None
        why = "IPV6_V6ONLY was set to 1" if v6only != "default" else "IPV6_V6ONLY was never cleared"
        return (f"{op.name} is given a v4-mapped address on an IPv6-only socket ({why}); the IPv4 peer is "
                "unreachable", None, None, ())

    @staticmethod
    def _v4_wildcard_ports(sm) -> dict:
        """Ports that an AF_INET wildcard socket of the driver may bind -> where (key None: a port, address or
        family only known at run time, which may be any)."""
        out = {}
        for op in sm.ops:
            if op.name != "WskBind":
                continue
            socket_fams = {f for o in op.origins for f in o.families} or {None}
            for i in sm.addresses(op.arg("LocalAddress")):
                fam = i.family if i.family is not None else (socket_fams.pop() if len(socket_fams) == 1 else None)
                if fam in (wsk.AF_INET, None) and i.wildcard is not False:
                    out.setdefault(i.port if fam == wsk.AF_INET else None, op.loc)
        return out
