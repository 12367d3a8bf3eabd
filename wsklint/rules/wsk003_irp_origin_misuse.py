from __future__ import annotations

from .base import Rule
from .irp_common import report_incidents


class IrpOriginMisuse(Rule):
    """Respect where the IRP came from: stack locations, reuse, and IRPs owned by a higher driver.

    ## What it does
    - Reports `IoAllocateIrp(0, ...)` (or `IoInitializeIrp(..., 0)`) for an IRP that reaches a WSK call:
      WSK needs one I/O stack location. Stack sizes computed at run time (`DeviceObject->StackSize`) are
      not judged.
    - Reports a second submission of the same IRP (along a path, a loop, or a field such as `ctx->Irp`
      within a function and its helpers) without `IoReuseIrp` or `IoInitializeIrp` in between.
    - Reports `IoReuseIrp` on an IRP built by `IoBuildSynchronousFsdRequest`,
      `IoBuildAsynchronousFsdRequest`, `IoBuildDeviceIoControlRequest` or `IoMakeAssociatedIrp`.
    - Reports `IoFreeIrp` on an IRP that a dispatch routine received from the I/O manager or a higher
      driver, directly, through helpers, or in a completion routine set on it.

    ## Why is this bad?
    WSK sets up the next stack location itself; without one the IRP overruns its allocation. A completed
    IRP keeps its old stack state until `IoReuseIrp` reinitialises it, so resubmitting it corrupts the
    request. IRPs built by the I/O manager are threaded to a thread and must not be reused, and IRPs from
    a higher driver must be completed with `IoCompleteRequest`, never freed.

    ## Example
    ```c
    irp = IoAllocateIrp(0, FALSE);                      /* no stack location for WSK */
    ...
    disp->WskReceive(s, &buf, 0, irp);                  /* second use, no IoReuseIrp */
    ```

    ## Use instead
    ```c
    irp = IoAllocateIrp(1, FALSE);
    ...
    IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(irp, Done, ctx, TRUE, TRUE, TRUE);
    disp->WskReceive(s, &buf, 0, irp);
    ```
    Stack IRPs (`IoInitializeIrp` on an `IRP` plus one `IO_STACK_LOCATION` on the stack) re-initialised
    for every call after a completed wait are fine.

    ## Known limitations
    Submissions in different functions on the same field are not ordered against each other. Completion
    routines that return `STATUS_MORE_PROCESSING_REQUIRED` for an upper IRP without a later
    `IoCompleteRequest` are not checked, nor `Irp->PendingReturned` handling.

    ## References
    - [Using IRPs with Winsock Kernel Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-irps-with-winsock-kernel-functions)
    - [IoReuseIrp](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-ioreuseirp)
    - [Implementing an IoCompletion Routine](https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/implementing-an-iocompletion-routine)
    - wireguard-nt commit 66eb95e, IRPs on the stack
    """

    code = "WSK003"
    name = "irp-origin-misuse"
    category = "irp"
    severity = "error"
    precision = "high"
    help = ("Allocate IRPs with at least one stack location, call IoReuseIrp and set the completion routine again "
            "before each new WSK call, and complete (never free) IRPs that came from a higher driver.")

    def check(self, program):
        def describe(inc):
            k, wsk = inc.key, inc.data.get("wsk") or "WSK"
            if inc.kind == "no_stack":
                return f"IRP '{k}' has no I/O stack location for WSK ({wsk} needs one)", None
            if inc.kind == "resubmit_used":
                return (f"IRP '{k}' is submitted again after its {wsk} request completed, without IoReuseIrp "
                        "or IoInitializeIrp", None)
            if inc.kind == "reuse_built":
                return f"IoReuseIrp on IRP '{k}', which IoBuild*Request built for the I/O manager", None
            return f"IoFreeIrp frees IRP '{k}', which the I/O manager or a higher driver owns", None

        yield from report_incidents(self, program, ("no_stack", "resubmit_used", "reuse_built", "free_upper"),
                                    describe)
