from __future__ import annotations

from ..analysis.calls import wsk_name
from ..knowledge.irql import DISPATCH
from .base import Rule

# Reported by their own rules: WSK012 (the capture timeout) and WSK013 (deregistration from callbacks).
OWNED_ELSEWHERE = frozenset({"WskCaptureProviderNPI", "WskDeregister"})


class CallAboveIrqlLimit(Rule):
    """A routine that needs a lower IRQL is reachable from code that can run at DISPATCH_LEVEL.

    ## What it does
    Infers the IRQL every function of the driver can run at: WSK event callbacks, IoCompletion
    routines and framework timers up to DISPATCH_LEVEL, DPCs and timer routines at DISPATCH_LEVEL,
    spin-lock and other raised regions, functions annotated `_IRQL_requires_(DISPATCH_LEVEL)` (or
    `_IRQL_requires_max_(DISPATCH_LEVEL)` when nothing in the driver calls them), and everything they
    call, directly or through function pointers and dispatch tables. Then reports
    each call that is not allowed at DISPATCH_LEVEL: blocking waits (`KeWaitForSingleObject` with a
    NULL or non-zero timeout, `KeDelayExecutionThread`), APC-level locks (`ExAcquireFastMutex`,
    `ExAcquireResourceExclusiveLite`), PASSIVE-only routines (`Zw*`, `PsCreateSystemThread`,
    `ObReferenceObjectByHandle`, `WskRegister`, `WskGetAddressInfo`, `WskControlSocket` with
    `SIO_ADDRESS_LIST_*`), paged-pool allocations, `KeSetEvent(..., TRUE)`, and driver functions whose
    own `_IRQL_requires_max_` is lower. The trace is the call chain from the callback's registration.

    ## Why is this bad?
    WSK calls event callbacks, and the I/O manager calls completion routines, at IRQL <= DISPATCH_LEVEL
    in an arbitrary thread. A wait there bugchecks (IRQL_NOT_LESS_OR_EQUAL) or deadlocks when it waits
    for the WSK delivery that is calling it; paged memory or pageable routines fault at
    DISPATCH_LEVEL. It happens only under load, when the callback is indicated at DISPATCH_LEVEL.

    ## Example
    ```c
    static VOID LogToFile(PCSTR Text) { ZwWriteFile(g_Log, NULL, NULL, NULL, &iosb, (PVOID)Text, len, NULL, NULL); }

    NTSTATUS WSKAPI OnReceive(PVOID Ctx, ULONG Flags, PWSK_DATA_INDICATION Data, SIZE_T Len, SIZE_T *Taken)
    {
        LogToFile("received");          /* ZwWriteFile at DISPATCH_LEVEL */
        return STATUS_SUCCESS;
    }
    ```

    ## Use instead
    Record what the callback must do, queue a work item (`IoQueueWorkItem`) or signal a worker
    thread, and return; do the PASSIVE_LEVEL work there.
    ```c
    NTSTATUS WSKAPI OnReceive(PVOID Ctx, ULONG Flags, PWSK_DATA_INDICATION Data, SIZE_T Len, SIZE_T *Taken)
    {
        IoQueueWorkItem(g_LogItem, LogWorker, DelayedWorkQueue, NULL);
        return STATUS_SUCCESS;
    }
    ```

    ## Known limitations
    Function pointers are resolved by what is assigned to them anywhere in the driver (not by flow).
    IRP dispatch routines are assumed to run at PASSIVE_LEVEL. A lock taken on some paths only (or
    only on success) is assumed released where the paths meet. Timeouts and pool types computed at run
    time are not judged. `WskCaptureProviderNPI` (WSK012) and `WskDeregister` (WSK013) are reported by
    their own rules, and calls on a branch where `WSK_FLAG_AT_DISPATCH_LEVEL` tests clear by WSK007.
    A wait at PASSIVE_LEVEL inside a callback (after a real IRQL test) is not reported.

    ## References
    - [Winsock Kernel Events](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/winsock-kernel-events)
    - [PFN_WSK_RECEIVE_EVENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_event)
    - [IO_COMPLETION_ROUTINE](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nc-wdm-io_completion_routine)
    - [PFN_WSK_CONTROL_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_control_socket)
    - [KeWaitForSingleObject](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-kewaitforsingleobject)
    """

    code = "WSK005"
    name = "call-above-irql-limit"
    category = "irql"
    severity = "error"
    precision = "high"
    message = "{callee} ({limit}) can be called at DISPATCH_LEVEL: {path} -> {callee}"
    help = ("Do not wait or call PASSIVE_LEVEL routines from callbacks, completion routines or raised "
            "regions; queue a work item or signal a worker thread and do the work there.")

    def check(self, program):
        facts = program.irql
        for fn in facts.reached():
            for _, ev, st in facts.states(fn):
                if ev.kind != "call" or st.hi < DISPATCH or st.flag_clear is not None:
                    continue
                call = ev.expr
                if (wsk_name(call) or call.name) in OWNED_ELSEWHERE:
                    continue
                limit = facts.limit(call, fn)
                if limit is None or limit.level >= st.hi:
                    continue
                callee = wsk_name(call) or call.name or call.text
                path = facts.path(fn, st)
                trace = facts.trace(fn, st, ev.loc, f"{fn.name} calls {callee} ({limit.text})")
                yield self.report(ev.loc, self.message.format(callee=callee, limit=limit.text, path=path),
                                  fn=fn, trace=trace, anchor=f"{call.text} in {fn.name}")
