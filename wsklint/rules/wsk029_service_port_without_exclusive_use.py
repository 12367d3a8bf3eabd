from __future__ import annotations

from ..analysis.paths import Step
from ..analysis.socket_fixes import set_option_before_bind
from ..knowledge import wsk
from .base import Rule

SERVICE = frozenset({"listen", "datagram", "stream"})
SHARING = wsk.MULTICAST_OPTIONS | {"SO_REUSE_UNICASTPORT"}


class ServicePortWithoutExclusiveUse(Rule):
    """Service sockets on fixed ports need SO_EXCLUSIVEADDRUSE (and no SO_REUSEADDR); clients should bind
    to port 0.

    ## What it does
    Follows each socket from its creation to its `WskBind` (through the helpers that configure it) and,
    when the bound port is a known non-zero constant:
    - a listening, datagram or stream socket bound without `SO_EXCLUSIVEADDRUSE` set to a non-zero value
      before the bind is reported;
    - one bound after `SO_REUSEADDR` was enabled is reported (unless the socket joined a multicast group or
      asked for `SO_REUSE_UNICASTPORT`, i.e. shares the port on purpose);
    - a connection (client) socket bound to a fixed local port gets a note.
    A SARIF fix inserting `SO_EXCLUSIVEADDRUSE` = 1 before the bind is attached when the function already
    sets options on the socket through a helper it can copy.

    ## Why is this bad?
    Without `SO_EXCLUSIVEADDRUSE`, another socket may bind the same port (WSK decides some cases by an
    access check against the first socket's security descriptor) and receive the service's traffic or deny
    it. With `SO_REUSEADDR` on the service socket, a second `SO_REUSEADDR` socket binds the same address and
    delivery between the two becomes non-deterministic: port hijacking. A client on a fixed port collides
    with other sockets for no benefit.

    ## Example
    ```c
    SetOption(s, SOL_SOCKET, SO_REUSEADDR, 1);               /* listener on fixed port 4000 */
    lst->WskBind(s, (PSOCKADDR)&any6_4000, 0, irp);
    ```

    ## Use instead
    ```c
    SetOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1);        /* with an IRP, before the bind */
    lst->WskBind(s, (PSOCKADDR)&any6_4000, 0, irp);
    ```

    ## Known limitations
    Only constant ports are judged: a port from configuration or from the caller's run-time data is not.
    Intentional sharing is recognised by multicast membership options and `SO_REUSE_UNICASTPORT` set on
    the socket; a permissive security descriptor is not examined.

    ## References
    - [Sharing Transport Addresses](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/sharing-transport-addresses)
    - [SO_EXCLUSIVEADDRUSE](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-exclusiveaddruse)
    - [SO_REUSEADDR](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/so-reuseaddr)
    - [Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE](https://learn.microsoft.com/en-us/windows/win32/winsock/using-so-reuseaddr-and-so-exclusiveaddruse)
    """

    code = "WSK029"
    name = "service-port-without-exclusive-use"
    category = "security"
    severity = "warning"
    precision = "high"
    security_severity = "5.0"
    help = ("Set SO_EXCLUSIVEADDRUSE to 1 (with an IRP) before binding a service socket to a fixed port, do not "
            "set SO_REUSEADDR on it, and bind client sockets to port 0.")

    def check(self, program):
        sm = program.sockets
        for v in sm.visits:
            if v.op.name != "WskBind" or "unknown" in v.state or v.origin.kind != "create":
                continue
            cat = v.origin.category
            port = self._port(sm, v)
            if not port or cat is None:
                continue
            opts = v.options
            trace = [Step(v.origin.site_loc, v.origin.describe())] + list(v.trace[1:]) + \
                v.op.steps(f"bound to port {port}")
            found = None
            if cat in SERVICE and not SHARING & opts.keys():
                if opts.get("SO_REUSEADDR"):
                    found = (f"The {cat} socket is bound to port {port} after SO_REUSEADDR was enabled; another "
                             "SO_REUSEADDR socket can bind the same port and take its traffic", None, None)
                elif opts.get("SO_EXCLUSIVEADDRUSE", 0) == 0:     # unset, or set to 0 (None: unknown value)
                    found = (f"The {cat} socket is bound to the fixed port {port} without SO_EXCLUSIVEADDRUSE; "
                             "another socket can bind the same port (hijacking, denial of service)",
                             set_option_before_bind(sm, v, "SO_EXCLUSIVEADDRUSE", 1, "exclusiveAddressUse"), None)
            elif cat == "connection":
                found = (f"The client connection socket is bound to the fixed local port {port}; clients should "
                         "bind to port 0 and let the stack pick an ephemeral port", None, "note")
            if found is None:
                continue
            msg, fix, sev = found
            yield self.report(v.op.loc, msg, fn=v.op.fn, trace=trace, fixes=[fix] if fix else None,
                              anchor=f"{v.op.call.text} {msg}", severity=sev)

    @staticmethod
    def _port(sm, v) -> int | None:
        infos = sm.addresses(v.op.arg("LocalAddress"))
        ports = {i.port for i in infos}
        return ports.pop() if infos and len(ports) == 1 else None
