from __future__ import annotations

from ..analysis.paths import Step
from ..knowledge import wsk
from .base import Rule


class DispatchTableCategoryMismatch(Rule):
    """Client and provider dispatch tables must match the socket category.

    ## What it does
    Follows every socket from its creation (`WskSocket` flags, through wrappers such as
    `CreateSocket(..., WSK_FLAG_LISTEN_SOCKET)`) to the calls made on it, and reports:
    - a `WskSocket` call whose `Dispatch` argument is the client table of another category
      (a `WSK_CLIENT_CONNECTION_DISPATCH` for a datagram socket), or whose `SocketType` contradicts the
      category (`SOCK_DGRAM` with a connection, listen or stream socket);
    - a basic socket created with a non-NULL `Dispatch` or `SocketContext`;
    - a client table on the stack (it must live as long as the socket);
    - a call through a provider table whose slot for that function does not hold it in the socket's real
      table (`((PWSK_PROVIDER_CONNECTION_DISPATCH)udp->Dispatch)->WskSend(...)` on a datagram socket).

    ## Why is this bad?
    `Socket->Dispatch` points to the provider table of the socket's category. Casting it to another
    category's table and calling a member reads whatever function pointer sits at that offset in the real
    table: the call goes to the wrong WSK function with the wrong arguments. A client table of the wrong
    category makes WSK call event callbacks through the wrong slots.

    ## Example
    ```c
    disp->WskSocket(cl, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, ctx,
                    &g_ConnDispatch /* WSK_CLIENT_CONNECTION_DISPATCH */, NULL, NULL, NULL, irp);
    ((PWSK_PROVIDER_CONNECTION_DISPATCH)udp->Dispatch)->WskSend(udp, &buf, 0, irp2);
    ```

    ## Use instead
    ```c
    disp->WskSocket(cl, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET, ctx,
                    &g_DgramDispatch /* WSK_CLIENT_DATAGRAM_DISPATCH */, NULL, NULL, NULL, irp);
    ((PWSK_PROVIDER_DATAGRAM_DISPATCH)udp->Dispatch)->WskSendTo(udp, &buf, 0, (PSOCKADDR)&to, 0, NULL, irp2);
    ```

    ## Known limitations
    Every provider table begins with the basic functions, and `WskBind` sits in the same slot of the
    listen, datagram, connection and stream tables: calls whose slot is the same in the socket's real
    table are correct and never reported (`WskCloseSocket` through any table, KSOCKET's
    `WskListenDispatch->WskBind` on any socket). A socket whose category differs by call site or path
    (a wrapper shared by several categories, one struct field for listening and accepted sockets) is
    judged only where every category it may have disagrees with the table. Whether unused callback slots
    are NULL is not checked.

    ## References
    - [Winsock Kernel Dispatch Tables](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/winsock-kernel-dispatch-tables)
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket)
    """

    code = "WSK023"
    name = "dispatch-table-category-mismatch"
    category = "sockets"
    severity = "error"
    precision = "high"
    help = ("Pass the client table of the socket's category to WskSocket (NULL for basic sockets) and cast "
            "Socket->Dispatch to the provider table of that category.")

    def check(self, program):
        sm = program.sockets
        yield from self._creations(program, sm)
        # a wrong call in a helper is reported there; otherwise at the nearest call sites passing a wrong socket
        reported = set()
        for op in sorted(sm.ops, key=lambda o: len(o.chain)):
            ids = tuple(id(ev) for _, ev in op.chain)
            if any(ids[i:] in reported for i in range(len(ids))):
                continue
            found = self._usage(op)
            if found is not None:
                reported.add(ids)
                yield found

    def _creations(self, program, sm):
        seen = set()
        for op in sm.ops:
            if op.name != "WskSocket":
                continue
            o = sm.creation(op)
            cat, table = o.category, (next(iter(o.client_tables)) if len(o.client_tables) == 1 else None)
            args = dict(zip(wsk.PROVIDER_FUNCTIONS["WskSocket"], o.call.args))
            at = [Step(o.loc, f"WskSocket creates a {cat} socket")] if cat else []
            if o.binds:
                at.insert(0, Step(o.site_loc, f"{o.binds[-1][3].expr.name} asks for a {cat} socket"))

            def where(param):
                """The argument, or the call site that decides it for a wrapper."""
                arg = args[param]
                if all(b.fn is o.fn for b in sm.resolve_in(arg, o.fn, o.binds)):
                    return arg.loc, o.fn
                return o.site_loc, o.binds[-1][1]

            found = []
            if cat == "basic":
                if table not in (None, "NULL"):
                    found.append((where("Dispatch"), f"A basic socket is created with the client table {table}; "
                                  "basic sockets take no client dispatch table", "basic dispatch", None))
                ctx = args.get("SocketContext")
                if ctx is not None and self._non_null(sm, ctx, o.fn):
                    found.append((where("SocketContext"), "A basic socket is created with a non-NULL "
                                  "SocketContext; basic sockets take none", "basic context", None))
            elif cat in wsk.CLIENT_TABLE and table not in (None, "NULL") and table != wsk.CLIENT_TABLE[cat]:
                found.append((where("Dispatch"), f"A {cat} socket is created with the client table {table}; WSK "
                              f"calls its callbacks through {wsk.CLIENT_TABLE[cat]} slots", "client table", None))
            if cat in ("connection", "listen", "stream", "datagram") and len(o.types) == 1:
                st = next(iter(o.types))
                if (st == 2 and cat != "datagram") or (st == 1 and cat == "datagram"):
                    name = {1: "SOCK_STREAM", 2: "SOCK_DGRAM"}[st]
                    found.append((where("SocketType"), f"A {cat} socket is created with SocketType {name}",
                                  "socket type", "warning"))
            d = args.get("Dispatch")
            local = self._stack_table(sm, d, o.fn) if d is not None else None
            if local:
                found.append((where("Dispatch"), f"The client dispatch table '{local}' is a local variable; WSK "
                              "uses it for as long as the socket exists", "stack table", None))
            for (loc, fn), msg, what, sev in found:
                if (loc, what) not in seen:
                    seen.add((loc, what))
                    yield self.report(loc, msg, fn=fn, trace=at, anchor=f"{o.call.text} {what}", severity=sev)

    def _usage(self, op):
        table = op.table
        if table not in wsk.PROVIDER_TABLE_MEMBERS or op.name in wsk.BASIC_MEMBERS or not op.origins:
            return None
        members = wsk.PROVIDER_TABLE_MEMBERS[table]
        if op.name not in members:
            return None
        slot = members.index(op.name)
        cats = set()
        for o in op.origins:
            cats |= o.categories
        if not cats or None in cats or "invalid" in cats:
            return None
        bad = {}
        for c in cats:
            real = wsk.PROVIDER_TABLE_MEMBERS[wsk.PROVIDER_TABLE[c]]
            if slot < len(real) and real[slot] == op.name:
                return None
            bad[c] = real[slot] if slot < len(real) else None
        c = sorted(bad)[0]
        holds = f"that slot of {wsk.PROVIDER_TABLE[c]} is {bad[c]}" if bad[c] else \
            f"{wsk.PROVIDER_TABLE[c]} has no such slot"
        origin = next(o for o in op.origins if c in o.categories)
        what = " or ".join(sorted(bad))
        trace = [Step(origin.loc, f"{origin.describe()}")] + op.steps(f"{op.name} through {table}")
        return self.report(op.loc, f"{op.name} is called through {table} on a {what} socket; {holds}",
                           fn=op.fn, trace=trace, anchor=f"{op.call.text} {table} {what}")

    @staticmethod
    def _non_null(sm, e, fn) -> bool:
        """Surely non-NULL: the address of something, or a non-zero constant, on every path."""
        res = sm.resolve(e, fn)
        return bool(res) and all((b.expr.strip().value or 0) != 0 or
                                 (b.expr.strip().kind == "unop" and b.expr.strip().op == "&") for b in res)

    @staticmethod
    def _stack_table(sm, e, fn) -> str | None:
        for b in sm.resolve(e, fn):
            s = b.expr.strip()
            if s.kind == "unop" and s.op == "&" and s.kids and s.kids[0].strip().kind == "name":
                name = s.kids[0].strip().name
                own = sm.owner(name, b.fn)
                var = own.locals.get(name) if own is not None else None
                if var is not None and var.storage in ("auto", "register"):
                    return name
        return None
