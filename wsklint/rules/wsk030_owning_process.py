from __future__ import annotations

from ..analysis.interproc import call_steps
from ..program import function_ref
from ..result import Fix, Replacement
from .base import Rule, step

NAME_RESOLUTION = ("WskGetAddressInfo", "WskGetNameInfo")
CREATES = ("WskSocket", "WskSocketConnect")
# IRP major functions a user-mode caller's thread issues (IRP_MJ_CREATE, READ, WRITE, DEVICE_CONTROL).
USER_MAJORS = {0x00: "IRP_MJ_CREATE", 0x03: "IRP_MJ_READ", 0x04: "IRP_MJ_WRITE", 0x0E: "IRP_MJ_DEVICE_CONTROL"}
# Framework queue callbacks that carry user requests (WDF_IO_QUEUE_CONFIG members).
WDF_USER_CALLBACKS = ("EvtIoDeviceControl", "EvtIoRead", "EvtIoWrite", "EvtIoDefault")
CURRENT_THREAD = ("PsGetCurrentThread", "KeGetCurrentThread")


class OwningProcess(Rule):
    """Choose the security context of sockets and name resolution deliberately (`OwningProcess` / `OwningThread`).

    ## What it does
    - Reports `WskGetAddressInfo` / `WskGetNameInfo` called with a non-NULL `OwningThread` while
      `OwningProcess` is NULL (a warning; the call fails with STATUS_INVALID_PARAMETER). A fix passes
      the thread's process.
    - Reports, as a note, `WskSocket` / `WskSocketConnect` with `OwningProcess` NULL in code reached
      (through helpers) from a user request handler: an `IRP_MJ_CREATE`, `IRP_MJ_READ`,
      `IRP_MJ_WRITE` or `IRP_MJ_DEVICE_CONTROL` dispatch routine, or a framework queue callback
      (`EvtIoDeviceControl`, `EvtIoRead`, `EvtIoWrite`, `EvtIoDefault`).

    ## Why is this bad?
    NULL `OwningProcess` means the *current* process: the socket takes the security context of
    whichever process the request runs in (for a framework queue callback, an arbitrary one), and
    that context decides whether the socket may share a local address that is already in use. For
    name resolution, `OwningThread` may be non-NULL only when `OwningProcess` is non-NULL; otherwise
    the call fails.

    ## Example
    ```c
    prov->WskGetAddressInfo(cl, &host, NULL, NS_ALL, NULL, NULL, &res, NULL, PsGetCurrentThread(), irp);
    ```

    ## Use instead
    ```c
    prov->WskGetAddressInfo(cl, &host, NULL, NS_ALL, NULL, NULL, &res, PsGetCurrentProcess(), PsGetCurrentThread(), irp);
    ```
    For sockets, pass the process the socket is meant to act for, or create the socket from a
    system worker thread (System context).

    ## Known limitations
    This is a design choice, so the socket check is a note. A non-NULL `OwningThread` is recognised
    when it is a call (`PsGetCurrentThread()`) or an address, also through helpers' parameters.
    Reachability from request handlers follows direct calls and lambdas, not work items (which run
    in the System process).

    ## References
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket)
    - [Sharing Transport Addresses](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/sharing-transport-addresses)
    - [PFN_WSK_GET_ADDRESS_INFO](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_get_address_info)
    """

    code = "WSK030"
    name = "owning-process"
    category = "security"
    security_severity = "3.5"
    severity = "note"
    precision = "high"
    help = ("Pass the process (and, if needed, the thread) whose security context the socket or the name "
            "resolution should use, or create the socket from a system worker thread.")

    def check(self, program):
        sm = program.sockets
        yield from self._thread_without_process(sm)
        seen = set()
        for handler, loc, via in _user_handlers(program):
            for op in sm.ops_in(handler):
                if op.name not in CREATES or id(op.call) in seen:
                    continue
                proc = op.arg("OwningProcess")
                if proc is None or sm.values(proc.expr, proc.fn) != frozenset({0}):
                    continue
                seen.add(id(op.call))
                trace = [step(loc, f"{handler.name} handles user requests ({via})")]
                trace += call_steps(op.chain[:-1])
                trace.append(step(op.call.loc, f"{op.name} with OwningProcess NULL"))
                yield self.report(op.call.loc, f"{op.name} is called with OwningProcess NULL in code reached from the "
                                  f"user request handler {handler.name}: the socket takes the security context of "
                                  "whatever process the request runs in", fn=op.inner, trace=trace,
                                  anchor=f"owning process {op.call.text}")

    def _thread_without_process(self, sm):
        seen = set()
        for op in sm.ops:
            if op.name not in NAME_RESOLUTION:
                continue
            proc, thread = op.arg("OwningProcess"), op.arg("OwningThread")
            if proc is None or thread is None or (id(proc.expr), id(thread.expr)) in seen:
                continue
            if sm.values(proc.expr, proc.fn) != frozenset({0}) or not _non_null(sm, thread):
                continue
            t = thread.expr.strip()
            if t.kind == "name" and thread.fn.param_index(t.name) is not None:
                continue            # judged where a caller binds the parameter
            seen.add((id(proc.expr), id(thread.expr)))
            fixes = []
            if proc.expr.strip().value == 0 and proc.fn is thread.fn:
                text = "PsGetCurrentProcess()" if t.kind == "call" and t.name in CURRENT_THREAD \
                    else f"IoThreadToProcess({thread.expr.text})"
                fixes.append(Fix("Pass the process the thread belongs to", [Replacement(proc.expr.loc, text)]))
            trace = call_steps(op.chain[:-1])
            trace += [step(proc.expr.loc, "OwningProcess is NULL"), step(thread.expr.loc, "OwningThread is not")]
            yield self.report(thread.expr.loc, f"{op.name} is given OwningThread '{thread.expr.text}' with OwningProcess "
                              "NULL; it fails with STATUS_INVALID_PARAMETER", fn=thread.fn, trace=trace,
                              fixes=fixes, anchor=f"thread without process {op.call.text}", severity="warning")


def _non_null(sm, bound) -> bool:
    """Whether every value the argument may take is evidently a pointer (a call, an address)."""
    bs = sm.resolve(bound.expr, bound.fn)
    return bool(bs) and all(b.expr.strip().kind == "call" or (b.expr.strip().kind == "unop" and b.expr.strip().op == "&")
                            for b in bs)


def _named(e):
    """A function named by an identifier whose declaration the front end could not type (a role typedef
    from a missing header makes `EVT_WDF_... Handler;` look like a variable)."""
    e = e.strip()
    return e.name if e.kind == "name" and e.ref in ("global", "stub", "unknown") else None


def _user_handlers(program):
    """(function, registration location, how) for dispatch routines and queue callbacks of user requests."""
    out, seen = [], set()
    for fn in program.functions.values():
        for _, ev in fn.events():
            if ev.kind != "assign" or ev.target is None or ev.expr is None:
                continue
            tgt = ev.target.strip()
            name = function_ref(ev.expr) or _named(ev.expr)
            handler = program.resolve(name, fn.file) if name else None
            if handler is None or not handler.blocks:
                continue
            via = None
            if tgt.kind == "index" and len(tgt.kids) == 2 and tgt.kids[0].strip().kind == "member" \
                    and tgt.kids[0].strip().name == "MajorFunction":
                via = USER_MAJORS.get(tgt.kids[1].strip().value)
            elif tgt.kind == "member" and tgt.name in WDF_USER_CALLBACKS:
                via = tgt.name
            if via and (handler.key, via) not in seen:
                seen.add((handler.key, via))
                out.append((handler, ev.loc, via))
    return out
