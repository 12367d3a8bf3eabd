from __future__ import annotations

from ..analysis.paths import Step
from ..knowledge import wsk
from .base import Rule

INPUT = {"WskBind": "LocalAddress", "WskConnect": "RemoteAddress", "WskConnectEx": "RemoteAddress",
         "WskSendTo": "RemoteAddress", "WskSendMessages": "RemoteAddress"}
OUTPUT = {"WskReceiveFrom": ("RemoteAddress",), "WskAccept": ("LocalAddress", "RemoteAddress"),
          "WskGetLocalAddress": ("LocalAddress",), "WskGetRemoteAddress": ("RemoteAddress",)}
SET_ADDRESS = frozenset({"SIO_WSK_SET_REMOTE_ADDRESS", "SIO_WSK_SET_SENDTO_ADDRESS"})
IN6_SIZE = 28


class AddressFamilyMismatch(Rule):
    """Socket addresses must be of the socket's address family, and output buffers big enough for it.

    ## What it does
    Tracks each socket's address family (the `AddressFamily` constant of `WskSocket`, the local address of
    `WskSocketConnect`), also through wrappers and context structures, and checks the addresses handed to
    it, also through helpers (the address is judged where it is written):
    - `WskBind`, `WskConnect`, `WskSendTo`, `WskSendMessages` and `SIO_WSK_SET_REMOTE_ADDRESS` /
      `SIO_WSK_SET_SENDTO_ADDRESS` get an address whose family is known (its structure type, or a constant
      stored in its family field) and differs from the socket's;
    - `WskReceiveFrom`, `WskAccept`, `WskGetLocalAddress` and `WskGetRemoteAddress` on an `AF_INET6`
      socket write into a buffer smaller than `SOCKADDR_IN6`;
    - `WskSocketConnect` gets local and remote addresses of different families.

    ## Why is this bad?
    WSK fails the request when the address family does not match the socket (user-mode Winsock returns
    `WSAEFAULT` for a `sockaddr_in` on an IPv6 socket). An output buffer too small for the family is
    overwritten past its end: stack or pool corruption.

    ## Example
    ```c
    disp->WskSocket(cl, AF_INET6, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, ...);
    SOCKADDR_IN to = { AF_INET, RtlUshortByteSwap(53) };
    dg->WskSendTo(s, &b, 0, (PSOCKADDR)&to, 0, NULL, irp);        /* v4 structure on a v6 socket */
    SOCKADDR_IN from;
    dg->WskReceiveFrom(s, &b, 0, (PSOCKADDR)&from, NULL, NULL, NULL, irp);   /* too small for v6 */
    ```

    ## Use instead
    ```c
    SOCKADDR_IN6 to;
    IN6ADDR_SETV4MAPPED(&to, &v4, 0, RtlUshortByteSwap(53));     /* IPv4 peer on a dual-stack socket */
    SOCKADDR_INET from;                                            /* fits either family */
    ```

    ## Known limitations
    Only sockets whose family is known are judged: a family chosen at run time (one socket per family, as
    in wireguard-nt) is not. `SOCKADDR_INET` and `SOCKADDR_STORAGE` fit either family and are judged only
    when a constant family is stored in them. Whether the `WskReceiveFrom` buffer is non-paged is not
    checked here.

    ## References
    - [PFN_WSK_BIND](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_bind)
    - [PFN_WSK_CONNECT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_connect)
    - [PFN_WSK_SEND_TO](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_to)
    - [PFN_WSK_RECEIVE_FROM](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_from)
    - [PFN_WSK_SOCKET_CONNECT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket_connect)
    - [SIO_WSK_SET_REMOTE_ADDRESS](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/sio-wsk-set-remote-address)
    - [libuv issue #4433 (user-mode analogue)](https://github.com/libuv/libuv/issues/4433)
    """

    code = "WSK025"
    name = "address-family-mismatch"
    category = "sockets"
    severity = "error"
    precision = "high"
    help = ("Use SOCKADDR_IN6 on AF_INET6 sockets (IPv4 peers as v4-mapped addresses), SOCKADDR_IN on AF_INET "
            "sockets, and SOCKADDR_INET or SOCKADDR_STORAGE for addresses WSK writes.")

    def check(self, program):
        sm = program.sockets
        for op in sm.ops:
            for loc, fn, msg, trace in self._judge(sm, op):
                yield self.report(loc, msg, fn=fn, trace=trace, anchor=f"{op.call.text} {msg}")

    def _judge(self, sm, op):
        if op.name == "WskSocketConnect":
            yield from self._socket_connect(sm, op)
            return
        fams = {f for o in op.origins for f in o.families}
        if len(fams) != 1 or None in fams:
            return
        family = fams.pop()
        fname = wsk.FAMILIES.get(family, str(family))
        origin = next(iter(op.origins))
        params = []
        if op.name in INPUT:
            params = [(INPUT[op.name], "in")]
        elif op.name in OUTPUT:
            params = [(p, "out") for p in OUTPUT[op.name]]
        elif op.name == "WskControlSocket":
            req, name = sm.decode(op)
            if req == "ioctl" and name in SET_ADDRESS:
                params = [("InputBuffer", "in")]
        chain = {id(f) for f, _ in op.chain}
        for param, way in params:
            infos = sm.addresses(op.arg(param))
            if not infos or any(i.fn is None or id(i.fn) not in chain for i in infos):
                continue
            trace = [Step(origin.site_loc, origin.describe())] + op.steps(f"{op.name} {param}")
            if way == "in":
                if all(i.family is not None and i.family != family for i in infos):
                    i = infos[0]
                    yield i.expr.loc, self._fn(op, i), (
                        f"{op.name} is given {self._what(i)} on an {fname} socket"), trace
            elif family == wsk.AF_INET6 and all(i.size is not None and i.size < IN6_SIZE for i in infos):
                i = infos[0]
                yield i.expr.loc, self._fn(op, i), (
                    f"{op.name} writes an {fname} address ({IN6_SIZE} bytes) into {self._what(i)} of {i.size} "
                    "bytes"), trace

    def _socket_connect(self, sm, op):
        chain = {id(f) for f, _ in op.chain}
        local = sm.addresses(op.arg("LocalAddress"))
        remote = sm.addresses(op.arg("RemoteAddress"))
        if not local or not remote or any(id(i.fn) not in chain for i in local + remote if i.fn is not None):
            return
        lf = {i.family for i in local}
        rf = {i.family for i in remote}
        if len(lf) == 1 and len(rf) == 1 and None not in lf | rf and lf != rf:
            i = remote[0]
            yield i.expr.loc, self._fn(op, i), (
                f"WskSocketConnect is given an {wsk.FAMILIES.get(next(iter(lf)))} local address and "
                f"{self._what(i)} as remote address; both must be of one family"), op.steps("WskSocketConnect")

    @staticmethod
    def _what(i) -> str:
        fam = wsk.FAMILIES.get(i.family, "")
        struct = {"in4": "SOCKADDR_IN", "in6": "SOCKADDR_IN6", "any": "address union", "generic": "SOCKADDR"}.get(
            i.kind or "", "address")
        name = f" '{i.var}'" if i.var else ""
        return f"an {fam} address ({struct}{name})" if fam else f"a {struct}{name}"

    @staticmethod
    def _fn(op, info):
        return info.fn if info.fn is not None else op.fn
