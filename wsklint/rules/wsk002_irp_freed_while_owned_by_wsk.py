from __future__ import annotations

from .base import Rule
from .irp_common import report_incidents, routine_name

_DOING = {"free": "freed", "reuse": "reinitialised", "resubmit": "submitted again", "access": "read"}


class IrpFreedWhileOwnedByWsk(Rule):
    """WSK always completes the IRP: one owner frees it, never while it is pending.

    ## What it does
    Follows each IRP after it is submitted to a WSK function, path by path, with the status the call
    returned:
    - while the request may be pending (the status may be `STATUS_PENDING` and no wait on the event the
      completion routine signals has proved completion), `IoFreeIrp`, `IoReuseIrp`, `IoInitializeIrp`,
      a new submission, or a read of the IRP (`Irp->IoStatus`) is reported;
    - when the completion routine frees the IRP on every path, any later free, reuse, submission or read
      by the caller is reported -- also on the failure branch, because WSK completes the IRP (and runs the
      routine) even when the call fails;
    - a second `IoFreeIrp`, and use after `IoFreeIrp`.
    Helpers that free, reuse, submit or wait are followed through their summaries (KSOCKET-style context
    structures, synchronous wrappers that take the status by pointer, `Wait(ctx, &st)`, or by value and
    return the final one, `st = Wait(ctx, Dispatch->WskBind(...))`, lambdas passed to a wrapper template).

    `STATUS_NOT_SUPPORTED` from `WskSend` and `WskReceive` (a flag the transport does not support) is
    the one return code for which the pages do not say whether the IRP is completed. A free, reuse,
    submission or read of an IRP whose completion routine frees it, on a path where the call's status
    was found equal to `STATUS_NOT_SUPPORTED` (`==`, `!=`, `case`), is reported as a **note**: if WSK
    completes the IRP there, the caller frees it a second time; if not, the caller's free is the only
    one. Under a general failure check (`!NT_SUCCESS(st)`) it stays an error: every other failure
    completes the IRP.

    ## Why is this bad?
    Every WSK function that takes an IRP completes it, even when it returns an error: the completion
    routine runs on every path. Freeing the IRP after a failed call when the routine also frees it is a
    double free; touching it while it is pending is a use of memory WSK still owns. Both corrupt pool,
    usually far from the cause.

    ## Example
    ```c
    IoSetCompletionRoutine(irp, FreeingCompletion, c, TRUE, TRUE, TRUE);   /* routine calls IoFreeIrp */
    st = disp->WskSend(s, &buf, 0, irp);
    if (!NT_SUCCESS(st)) {
        IoFreeIrp(irp);                                                    /* second free */
        return st;
    }
    ```

    ## Use instead
    ```c
    IoSetCompletionRoutine(irp, FreeingCompletion, c, TRUE, TRUE, TRUE);
    return disp->WskSend(s, &buf, 0, irp);        /* the completion routine owns the IRP from here */
    ```
    A synchronous wrapper whose completion routine only signals an event may free the IRP after a
    non-pending return, or after waiting.

    A completion routine that frees the IRP only on some paths is the owner where the caller can tell
    which: when it frees only under `Irp->PendingReturned`, on the paths where the call returned
    STATUS_PENDING; when it frees exactly if a context field is not NULL, at submissions where the caller
    knows that field is not NULL (an allocation helper set it from a pointer the caller checked).

    ## Known limitations
    A completion routine that frees the IRP on paths the caller cannot tell apart is not treated as the
    owner (the caller's use is then not reported). Waits are matched to the IRP through the event its completion routine
    signals; a wait on an event the analysis cannot relate to the IRP counts as proof when the IRP's
    event is unknown.

    ## References
    - [PFN_WSK_SEND](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send) (return values: the IRP is completed with failure status)
    - [PFN_WSK_CLOSE_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_close_socket)
    - [Using IRPs with Winsock Kernel Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-irps-with-winsock-kernel-functions)
    """

    code = "WSK002"
    name = "irp-freed-while-owned-by-wsk"
    category = "irp"
    severity = "error"
    precision = "high"
    help = ("Free the IRP in exactly one place: in the completion routine, or in the caller after a wait that "
            "proves completion (or after a non-pending return when the routine only signals).")

    def check(self, program):
        def describe(inc):
            wsk = inc.data.get("wsk") or "WSK"
            kind, _, how = inc.kind.rpartition("_")
            if how == "inflight":
                return f"IRP '{inc.key}' is {_DOING[kind]} while the {wsk} request may still be pending", None
            if how == "owned" and inc.data.get("unsure"):
                r = routine_name(program, inc.data.get("routine"))
                return (f"IRP '{inc.key}' is {_DOING[kind]} after {wsk} returned {inc.data['unsure']}, for which the "
                        f"WSK documentation does not say whether the IRP is completed; if it is, {r} frees it "
                        "too", "note")
            if how == "owned":
                r = routine_name(program, inc.data.get("routine"))
                if kind == "free":
                    return (f"IRP '{inc.key}' is freed here and again by {r}, which frees it when the {wsk} "
                            "request completes (WSK completes the IRP even when the call fails)", None)
                return (f"IRP '{inc.key}' is {_DOING[kind]} after the {wsk} request, but {r} frees it when "
                        "the request completes", None)
            if inc.kind == "double_free":
                return f"IRP '{inc.key}' is freed twice", None
            return f"IRP '{inc.key}' is used after IoFreeIrp freed it", None

        kinds = ("free_inflight", "reuse_inflight", "resubmit_inflight", "access_inflight", "free_owned",
                 "reuse_owned", "resubmit_owned", "access_owned", "double_free", "access_freed")
        yield from report_incidents(self, program, kinds, describe)
