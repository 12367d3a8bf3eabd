from __future__ import annotations

from ..analysis.buffers import is_null, mdl_allocations, routine_arg
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

    For `WskSendMessages`, follows the `WSK_BUF_LIST` elements on the stack of the calling function from
    the one passed as `BufferList` (locals and array elements, linked through `Next = &element`, from
    initialisers, field assignments and `RtlZeroMemory`/`memset(..., 0, ...)`) and reports an element
    whose `WSK_BUF` is never set, an element with a NULL `Mdl` and a non-zero `Length`, and a last
    element whose `Next` is never set (so the list does not end with `Next == NULL`).

    ## Why is this bad?
    WSK copies from or DMAs into the pages the MDL chain describes, starting `Offset` bytes into the
    first MDL and for `Length` bytes. Values beyond the MDL read or write memory the driver does not
    own; a NULL `Mdl` with a length is dereferenced. A zero-length receive with a NULL `Mdl` is legal.

    ## Example
    ```c
    WSK_BUF r = { NULL, 0, 4096 };                      /* NULL Mdl with non-zero length */
    WSK_BUF_LIST l1, l2;
    l1.Next = &l2; l1.Buffer = b1; l2.Buffer = b2;      /* l2.Next never set */
    m = IoAllocateMdl(p, 1500, FALSE, FALSE, NULL);
    WSK_BUF b = { m, 64, 1500 };                        /* 64 + 1500 > 1500 */
    ```

    ## Use instead
    ```c
    WSK_BUF b = { m, 0, MmGetMdlByteCount(m) };
    WSK_BUF_LIST last = { NULL, { m2, 0, n2 } };        /* the last element ends the list */
    ```
    To skip into later MDLs, start the chain at the right MDL instead of using a large `Offset`.

    ## Known limitations
    Only values the function assigns as constants (or `sizeof`) are judged; MDL chains built elsewhere
    are not checked. A list element whose address is handed to a helper, stored, or written through a
    pointer or a variable index (`bufs[i].Next`) counts as set; lists in pool memory or built by the
    caller are not judged.

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
            for op in db.submissions(fn):
                if op.api == "WskSendMessages":
                    yield from self._check_list(fn, flow, op)
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
        for vals, tr in found:
            msg = self._problem(vals, lengths, chained)
            if msg:
                yield self.report(op.loc, f"The WSK_BUF passed to {op.api}: {msg}", fn=fn,
                                  trace=list(tr) + [step(op.loc, f"passed to {op.api}")], anchor=f"{op.api} {buf} {msg}")

    # -- WSK_BUF_LIST ------------------------------------------------------------------------------------
    def _check_list(self, fn, flow, op):
        """Follow a list of WSK_BUF_LIST elements on the stack from the one passed to WskSendMessages: each
        element's WSK_BUF initialised, the last one's Next NULL (values assigned in this function only)."""
        head = flow.key(arg(op.call, "BufferList"))
        elements = _list_locals(fn)
        if head in elements and "[" in (fn.locals[head].type or ""):
            head = f"&{head}[0]"                          # an array passed as a pointer to its first element
        if not head or not head.startswith("&") or _base(head[1:]) not in elements or "[?]" in head:
            return
        found = []

        def stp(st, fx, ev, tr):
            if ev is op.ev:
                found.append((dict(st), tr))
                return st, fx, tr
            vals = dict(st)
            if ev.kind == "decl" and ev.target is not None and ev.target.strip().name in elements:
                obj = ev.target.strip().name
                for k in [k for k in vals if _base(k[0]) == obj]:
                    del vals[k]
                init = ev.expr.strip() if ev.expr is not None else None
                if init is not None and init.kind != "init" and "[" in (fn.locals[obj].type or ""):
                    init = None                           # the front end gives an array's size here
                if init is not None:
                    _list_init(vals, obj, init, flow)
                note = f"'{obj}' is declared" + ("" if init is not None else " without an initialiser")
                return tuple(sorted(vals.items(), key=str)), fx, tr + (step(ev.loc, note),)
            if ev.kind == "assign" and ev.target is not None:
                k = flow.key(ev.target)
                obj, field = _element_field(k, elements)
                if obj is None:
                    if k and _base(k.lstrip("&*")) in elements:
                        _unknown(vals, k.lstrip("&*"))     # a write we do not follow (`bufs[i].Next`)
                    for n in _addresses(ev.expr, elements, flow):
                        _unknown(vals, n)                  # a pointer to an element escapes
                    return tuple(sorted(vals.items(), key=str)), fx, tr
                if field == "Next":
                    vals[(obj, "Next")] = _next_value(ev.expr, elements, flow) if ev.op in ("=", "") else "?"
                    tr = tr + (step(ev.loc, f"'{obj}.Next' is set"),)
                elif field == "Buffer":
                    for f in _FIELDS:
                        vals[(obj, f)] = "?"
                elif field in _FIELDS:
                    vals[(obj, field)] = self._value(field, ev.expr, flow) if ev.op in ("=", "") else "?"
                    if vals[(obj, field)] is None:
                        vals[(obj, field)] = "?"
                else:
                    for f in ("Next",) + _FIELDS:
                        vals[(obj, f)] = "?"
                if field != "Next":
                    for n in _addresses(ev.expr, elements, flow):
                        _unknown(vals, n)
                return tuple(sorted(vals.items(), key=str)), fx, tr
            if ev.kind == "call":
                zero = ev.expr.name in _ZEROING and ev.expr.args and \
                    (ev.expr.name != "memset" or (len(ev.expr.args) > 1 and ev.expr.args[1].strip().value == 0))
                for i, a in enumerate(ev.expr.args):
                    for n in _addresses(a, elements, flow):
                        if zero and i == 0:
                            for f, v in (("Next", "NULL"), ("Mdl", "NULL"), ("Offset", 0), ("Length", 0)):
                                vals[(n, f)] = v
                            tr = tr + (step(ev.loc, f"'{n}' is zeroed"),)
                        else:
                            _unknown(vals, n)
                return tuple(sorted(vals.items(), key=str)), fx, tr
            return st, fx, tr

        Walk(fn, stp).run(fn.entry, 0, (), Facts())
        for vals, tr in found:
            for msg in _list_problems(vals, head[1:]):
                yield self.report(op.loc, f"The WSK_BUF_LIST passed to WskSendMessages: {msg}", fn=fn,
                                  trace=list(tr) + [step(op.loc, "passed to WskSendMessages")],
                                  anchor=f"WskSendMessages {head} {msg}")

    @staticmethod
    def _value(name, e, flow):
        if e is None:
            return None
        s = e.strip()
        if name == "Mdl":
            if is_null(s):
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


_ZEROING = frozenset({"RtlZeroMemory", "RtlSecureZeroMemory", "memset", "__stosb"})


def _base(obj: str) -> str:
    """`bufs` for `bufs[1]`, `a` for `a`."""
    return obj.split("[", 1)[0]


def _list_locals(fn) -> set:
    """Automatic locals of type WSK_BUF_LIST (or arrays of it)."""
    return {n for n, v in fn.locals.items() if v.storage in ("auto", "register") and
            "WSK_BUF_LIST" in (v.type or "") and "*" not in (v.type or "") and
            not (v.type or "").replace("const ", "").startswith("P")}


def _element_field(key: str | None, elements) -> tuple:
    """('bufs[1]', 'Next') for `bufs[1].Next`, ('a', 'Mdl') for `a.Buffer.Mdl`, ('a', '') for `a`."""
    if not key or key.startswith(("&", "*")):
        return None, None
    obj, _, rest = key.partition(".")
    if _base(obj) not in elements or "[?]" in obj:
        return None, None
    if rest in ("Next", "Buffer"):
        return obj, rest
    if rest.startswith("Buffer.") and rest[7:] in _FIELDS:
        return obj, rest[7:]
    return (obj, "") if not rest else (obj, "?")


def _addresses(e, elements, flow) -> list:
    """Elements whose address (or array) the expression hands out: `&a`, `&bufs[1]`, `bufs`."""
    out = []
    if e is None:
        return out
    for n in e.walk():
        k = flow.key(n) if n.kind in ("unop", "name") else None
        if k and k.startswith("&") and _base(k[1:].split(".")[0]) in elements:
            out.append(k[1:].split(".")[0])
        elif k and n.kind == "name" and k in elements and "[" in (flow.fn.locals[k].type or ""):
            out.append(k)
    return out


def _unknown(vals: dict, obj: str):
    for f in ("Next",) + _FIELDS:
        vals[(obj, f)] = "?"


def _next_value(e, elements, flow):
    if e is None:
        return "?"
    s = e.strip()
    if is_null(s):
        return "NULL"
    k = flow.key(s)
    if k and k.startswith("&") and _base(k[1:]) in elements and "." not in k and "[?]" not in k:
        return k[1:]
    return "?"


def _list_init(vals: dict, obj: str, init, flow):
    """`WSK_BUF_LIST a = { NULL, { m, 0, n } }`, `= { 0 }` (the rest zero)."""
    if init.kind != "init":
        _unknown(vals, obj)
        return
    for f, v in (("Next", "NULL"), ("Mdl", "NULL"), ("Offset", 0), ("Length", 0)):
        vals[(obj, f)] = v
    for i, item in enumerate(init.kids):
        name = item.name if item.kind == "field_init" else ("Next", "Buffer")[i] if i < 2 else ""
        val = item.kids[0] if item.kind == "field_init" and item.kids else item
        if name == "Next":
            vals[(obj, "Next")] = "NULL" if val.strip().value == 0 else "?"
        elif name == "Buffer" and val.strip().kind == "init":
            for j, sub in enumerate(val.strip().kids):
                f = sub.name if sub.kind == "field_init" else (_FIELDS[j] if j < 3 else "")
                v = sub.kids[0] if sub.kind == "field_init" and sub.kids else sub
                if f in _FIELDS:
                    got = WskBufOutOfBounds._value(f, v, flow)
                    vals[(obj, f)] = "?" if got is None else got
        elif name:
            _unknown(vals, obj)


def _list_problems(vals: dict, first: str) -> list:
    def get(obj, f):
        if (obj, f) in vals:
            return vals[(obj, f)]
        return vals.get((_base(obj), f), "absent")

    out, seen, obj = [], set(), first
    while obj not in seen:
        seen.add(obj)
        mdl, length = get(obj, "Mdl"), get(obj, "Length")
        if mdl == "absent" and length == "absent":
            out.append(f"the WSK_BUF of element '{obj}' is never initialised")
        elif mdl == "NULL" and isinstance(length, int) and length:
            out.append(f"element '{obj}' has a NULL Mdl but Length {length}")
        nxt = get(obj, "Next")
        if nxt == "absent":
            out.append(f"'{obj}.Next' is never set, so the list does not end with Next == NULL")
            break
        if nxt in ("NULL", "?"):
            break
        obj = nxt
    return out
