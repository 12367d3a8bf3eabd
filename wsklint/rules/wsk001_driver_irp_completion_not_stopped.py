from __future__ import annotations

from .base import Rule
from .irp_common import report_incidents, routine_name

_INVOKE = ("InvokeOnSuccess", "InvokeOnError", "InvokeOnCancel")


class DriverIrpCompletionNotStopped(Rule):
    """A driver-allocated IRP needs a completion routine, called always, that stops completion.

    ## What it does
    Follows every IRP the driver allocated (`IoAllocateIrp`), initialised in its own memory
    (`IoInitializeIrp`, including IRPs on the stack) or reused (`IoReuseIrp`) -- directly, in helpers,
    or in a context structure whose IRP field is always allocated by the driver -- and reports:
    - a submission to a WSK function on a path where no completion routine was set since the IRP was
      allocated or reinitialised;
    - an `IoSetCompletionRoutine` whose `InvokeOnSuccess`, `InvokeOnError` or `InvokeOnCancel` is FALSE;
    - a `return` in the completion routine that yields anything but `STATUS_MORE_PROCESSING_REQUIRED`
      (values are followed through local variables, macros and helpers that return a constant).

    ## Why is this bad?
    An IRP the driver allocated belongs to no thread and no higher driver. If its completion routine is
    not called (InvokeOn* FALSE, or no routine at all) or returns anything else than
    `STATUS_MORE_PROCESSING_REQUIRED`, the I/O manager keeps completing an IRP it does not own: a
    bugcheck in the completion path or a use-after-free. ReactOS traced such a crash to exactly this.

    ## Example
    ```c
    NTSTATUS SendDone(PDEVICE_OBJECT d, PIRP irp, PVOID ctx)
    {
        FreeMyContext(ctx);
        return STATUS_SUCCESS;                      /* the I/O manager keeps completing our IRP */
    }
    ...
    IoSetCompletionRoutine(irp, SendDone, ctx, TRUE, FALSE, FALSE);   /* not called on error/cancel */
    ```

    ## Use instead
    ```c
    NTSTATUS SendDone(PDEVICE_OBJECT d, PIRP irp, PVOID ctx)
    {
        HandleResult(ctx, irp->IoStatus.Status, irp->IoStatus.Information);
        IoFreeIrp(irp);
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    ...
    IoSetCompletionRoutine(irp, SendDone, ctx, TRUE, TRUE, TRUE);
    ```

    ## Known limitations
    IRPs of unknown origin (a parameter no caller in the driver is seen to allocate, a field also
    written with other IRPs) are not judged. A routine armed both on driver-allocated IRPs and on IRPs
    from a higher driver is only reported when no path returns `STATUS_MORE_PROCESSING_REQUIRED` (it may
    tell them apart). Returned values computed at run time are not judged.

    ## References
    - [Using IRPs with Winsock Kernel Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-irps-with-winsock-kernel-functions)
    - [IoAllocateIrp](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-ioallocateirp)
    - [IoSetCompletionRoutine](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/nf-wdm-iosetcompletionroutine)
    - ReactOS NETIO review, IRP freed by the I/O manager: https://github.com/reactos/reactos/pull/7262
    """

    code = "WSK001"
    name = "driver-irp-completion-not-stopped"
    category = "irp"
    severity = "error"
    precision = "high"
    help = ("Set a completion routine with IoSetCompletionRoutine(irp, Routine, ctx, TRUE, TRUE, TRUE) before "
            "every WSK call, and return STATUS_MORE_PROCESSING_REQUIRED from it on every path.")

    def check(self, program):
        def describe(inc):
            if inc.kind == "submit_unarmed":
                return (f"IRP '{inc.key}', allocated by the driver, is submitted to {inc.data['wsk'] or 'WSK'} "
                        "without a completion routine", None)
            if inc.kind == "invoke_false":
                off = [n for n, v in zip(_INVOKE, inc.data["invoke"]) if v == 0]
                return (f"IoSetCompletionRoutine on driver-allocated IRP '{inc.key}' passes FALSE for "
                        f"{', '.join(off)}: the routine is not called on every completion", None)
            return (f"Completion routine {routine_name(program, inc.data['routine'])} returns "
                    f"{inc.data['status']} for an IRP the driver allocated (armed in "
                    f"{inc.data['armed_in']}); the I/O manager continues completing an IRP it does not own", None)

        yield from report_incidents(self, program, ("submit_unarmed", "invoke_false", "routine_status"), describe)
