from __future__ import annotations

from ..analysis.buffers import mdl_allocations, routine_arg
from ..analysis.calls import arg
from ..analysis.paths import Facts, Walk
from ..knowledge.irp import MDL_ARGS
from .base import Rule, step

_FIELDS = ("Mdl", "Offset", "Length")


class WskBufOutOfBounds(Rule):
    """`WSK_BUF` fields must describe memory the MDL actually covers.

    ## What it does
    Follows, path by path, the constant values assigned to the `Mdl`, `Offset` and `Length` fields of
    a `WSK_BUF` (initialisers and field assignments) and, at the WSK call that receives it, reports:
    - a NULL `Mdl` with a non-zero `Length`;
    - an `Offset` outside the buffer of the first MDL, when that MDL comes from `IoAllocateMdl` with a
      known length;
    - `Offset + Length` beyond that length, when the MDL is not chained to others (inferred bound).

    ## Why is this bad?
    WSK copies from or DMAs into the pages the MDL chain describes, starting `Offset` bytes into the
    first MDL and for `Length` bytes. Values beyond the MDL read or write memory the driver does not
    own; a NULL `Mdl` with a length is dereferenced. A zero-length receive with a NULL `Mdl` is legal.

    ## Example
    ```c
    WSK_BUF r = { NULL, 0, 4096 };                      /* NULL Mdl with non-zero length */
    m = IoAllocateMdl(p, 1500, FALSE, FALSE, NULL);
    WSK_BUF b = { m, 64, 1500 };                        /* 64 + 1500 > 1500 */
    ```

    ## Use instead
    ```c
    WSK_BUF b = { m, 0, MmGetMdlByteCount(m) };
    ```
    To skip into later MDLs, start the chain at the right MDL instead of using a large `Offset`.

    ## Known limitations
    Only values the function assigns as constants (or `sizeof`) are judged; MDL chains built elsewhere
    and `WSK_BUF_LIST` elements are not checked.

    ## References
    - [WSK_BUF](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/ns-wsk-_wsk_buf)
    - [WSK_BUF_LIST](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/ns-wsk-wsk_buf_list)
    - [PFN_WSK_RECEIVE](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive) (zero-length receives)
    """

    code = "WSK018"
    name = "wsk-buf-out-of-bounds"
    category = "buffers"
    severity = "error"
    precision = "high"
    help = "Set Mdl to an MDL covering Offset + Length bytes (Offset within the first MDL), or Length to 0 with a NULL Mdl."

    def check(self, program):
        db = program.irpflow
        for fn in program.functions.values():
            if not fn.blocks:
                continue
            flow = db.flow(fn)
            subs = [op for op in db.submissions(fn) if op.api in MDL_ARGS and op.api != "WskSendMessages"]
            if not subs:
                continue
            lengths = {k: routine_arg(c, "length").strip().value for k, _, c in mdl_allocations(flow)
                       if routine_arg(c, "length") is not None}
            chained = {flow.key(n.kids[0]) for _, ev in fn.events() if ev.target is not None
                       for n in [ev.target.strip()] if n.kind == "member" and n.name == "Next" and n.kids}
            for op in subs:
                buf = flow.key(arg(op.call, MDL_ARGS[op.api][0]))
                if buf:
                    yield from self._check(fn, flow, op, buf, lengths, chained)

    def _check(self, fn, flow, op, buf, lengths, chained):
        fields = {(buf[1:] + "." if buf.startswith("&") else buf + "->") + f: f for f in _FIELDS}
        obj = buf[1:] if buf.startswith("&") else None
        found = []

        def stp(st, fx, ev, tr):
            if ev.kind == "decl" and obj and ev.target is not None and ev.target.strip().name == obj and \
                    ev.expr is not None and ev.expr.strip().kind == "init":
                vals = dict(st)
                for i, item in enumerate(ev.expr.strip().kids):
                    name = item.name if item.kind == "field_init" else (_FIELDS[i] if i < 3 else "")
                    val = item.kids[0] if item.kind == "field_init" and item.kids else item
                    if name in _FIELDS:
                        vals[name] = self._value(name, val, flow)
                return tuple(sorted(vals.items())), fx, tr + (step(ev.loc, f"'{obj}' is initialised"),)
            if ev.kind == "assign" and ev.target is not None and flow.key(ev.target) in fields:
                name = fields[flow.key(ev.target)]
                vals = dict(st)
                vals[name] = self._value(name, ev.expr, flow) if ev.op in ("=", "") else None
                return tuple(sorted(vals.items())), fx, tr + (step(ev.loc, f"{name} is set"),)
            if ev is op.ev:
                found.append((dict(st), tr))
            return st, fx, tr

        Walk(fn, stp).run(fn.entry, 0, (), Facts())
        reported = set()
        for vals, tr in found:
            msg = self._problem(vals, lengths, chained)
            if msg and msg not in reported:
                reported.add(msg)
                yield self.report(op.loc, f"The WSK_BUF passed to {op.api}: {msg}", fn=fn,
                                  trace=list(tr) + [step(op.loc, f"passed to {op.api}")], anchor=f"{op.api} {buf} {msg}")

    @staticmethod
    def _value(name, e, flow):
        if e is None:
            return None
        s = e.strip()
        if name == "Mdl":
            if s.value == 0 or (s.kind == "name" and s.name in ("NULL", "nullptr")):
                return "NULL"
            return flow.key(s)
        return s.value

    @staticmethod
    def _problem(vals, lengths, chained):
        mdl, off, length = vals.get("Mdl"), vals.get("Offset"), vals.get("Length")
        if mdl == "NULL":
            return f"Mdl is NULL but Length is {length}" if length else None
        size = lengths.get(mdl) if mdl else None
        if size is None:
            return None
        if off is not None and off >= size and size > 0:
            return f"Offset {off} lies outside the {size} bytes of the first MDL"
        if off is not None and length is not None and off + length > size and mdl not in chained:
            return f"Offset + Length ({off} + {length}) exceeds the {size} bytes the MDL describes"
        return None
