from __future__ import annotations

from ..graphs.irpflow import root_of
from .base import Rule, role_step, step

# Borrowed pointer parameters of the callbacks (by position), and the out-parameters that must point
# to resident memory.
_BORROWED = {
    "WskAcceptEvent": {2: "LocalAddress", 3: "RemoteAddress"},
    "WskInspectEvent": {1: "LocalAddress", 2: "RemoteAddress", 3: "InspectID"},
    "WskAbortEvent": {1: "InspectID"},
}
_OUTPUTS = {"WskAcceptEvent": {5: "AcceptSocketContext", 6: "AcceptSocketDispatch"}}


class CallbackArgumentEscapes(Rule):
    """Addresses and inspect IDs passed to accept/inspect callbacks are only valid during the call.

    ## What it does
    In `WskAcceptEvent`, `WskInspectEvent` and `WskAbortEvent` callbacks, reports a store of the
    `LocalAddress`, `RemoteAddress` or `InspectID` pointer (or the address of something inside it) into
    memory that outlives the call -- a field reached through a pointer, a global, an out-parameter --
    directly or through a helper that stores its parameter. In `WskAcceptEvent`, also reports
    `*AcceptSocketContext` or `*AcceptSocketDispatch` set to the address of a local variable.

    ## Why is this bad?
    WSK owns these structures and reuses them once the callback returns: a saved pointer later reads
    another connection's address, or freed memory. WSK identifies an inspected connection by the
    *contents* of the `WSK_INSPECT_ID`, so the pointer must not be kept either. The accepted socket's
    context and dispatch table are used for the whole life of the socket and must not live on the
    callback's stack.

    ## Example
    ```c
    conn->Peer = RemoteAddress;            /* storing the pointer */
    pend->Id   = InspectID;                /* pointer, not a copy */
    ```

    ## Use instead
    ```c
    RtlCopyMemory(&conn->Peer, RemoteAddress, sizeof(SOCKADDR_INET));
    pend->Id = *InspectID;
    ```

    ## Known limitations
    Pointers copied into a local structure that is then stored as a whole are not followed. Helpers are
    followed one call deep.

    ## References
    - [PFN_WSK_ACCEPT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept_event)
    - [PFN_WSK_INSPECT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_inspect_event)
    - [PFN_WSK_ABORT_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_abort_event)
    """

    code = "WSK022"
    name = "callback-argument-escapes"
    category = "callbacks"
    severity = "error"
    precision = "high"
    help = "Copy the SOCKADDR and the WSK_INSPECT_ID contents into your own storage instead of keeping the pointers."

    def check(self, program):
        for event, borrowed in _BORROWED.items():
            for fn, role in program.functions_with_role(f"event:{event}"):
                if fn.blocks:
                    yield from self._callback(program, fn, role, event, borrowed)

    def _callback(self, program, fn, role, event, borrowed):
        flow = program.irpflow.flow(fn)
        names = {fn.params[i].name: what for i, what in borrowed.items() if i < len(fn.params) and fn.params[i].name}
        outs = {fn.params[i].name: what for i, what in _OUTPUTS.get(event, {}).items()
                if i < len(fn.params) and fn.params[i].name}
        for _, ev in fn.events():
            if ev.kind == "assign" and ev.target is not None and ev.expr is not None:
                target, value = flow.key(ev.target), flow.key(ev.expr)
                param = _borrowed_by(value, names)
                if param and target and _outlives(fn, program, target):
                    yield self._report(fn, role, ev, f"{names[param]} '{param}' of {event} is stored in "
                                       f"'{target}', which outlives the callback", param)
                if target and target.startswith("*") and target[1:] in outs and value and \
                        program.irpflow.is_stack(fn, value):
                    yield self._report(fn, role, ev, f"{outs[target[1:]]} is set to '{value}', which is on the "
                                       f"stack of {fn.name}", target)
            elif ev.kind == "call":
                callee = program.callee(ev.expr, fn)
                if callee is None or not callee.blocks:
                    continue
                for i, a in enumerate(ev.expr.args):
                    param = _borrowed_by(flow.key(a), names)
                    if param and _stores_param(program, callee, i):
                        yield self._report(fn, role, ev, f"{names[param]} '{param}' of {event} is passed to "
                                           f"{callee.name}, which stores it beyond the callback", param)

    def _report(self, fn, role, ev, message, what):
        return self.report(ev.loc, message, fn=fn, trace=[role_step(role, fn), step(ev.loc, "stored here")],
                           anchor=f"{what} {ev.target.text if ev.target is not None else ev.expr.text}")


def _borrowed_by(value: str | None, names) -> str | None:
    """The borrowed parameter a value points into (itself, or `&param->Field`), not a copy (`*param`)."""
    if not value:
        return None
    if value in names:
        return value
    if value.startswith("&"):
        root = value[1:].split("->")[0].split(".")[0]
        return root if root in names else None
    return None


def _outlives(fn, program, target: str) -> bool:
    root = root_of(target)
    if target.startswith("*") or "->" in target:
        return True
    v = fn.locals.get(root)
    return v is None and (fn.param_index(root) is None) and root in program.globals


def _stores_param(program, callee, index) -> bool:
    if index >= len(callee.params) or not callee.params[index].name:
        return False
    pname = callee.params[index].name
    flow = program.irpflow.flow(callee)
    return any(ev.kind == "assign" and ev.target is not None and ev.expr is not None and
               _borrowed_by(flow.key(ev.expr), {pname: ""}) and _outlives(callee, program, flow.key(ev.target) or "")
               for _, ev in callee.events())
