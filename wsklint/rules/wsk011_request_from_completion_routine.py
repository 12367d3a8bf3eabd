from __future__ import annotations

from ..analysis.calls import wsk_name
from ..analysis.interproc import MustReach, call_steps
from ..knowledge.irp import DATA_CALLS
from .base import Rule, role_step, step


class RequestFromCompletionRoutine(Rule):
    """Do not start new WSK requests from inside an IoCompletion routine.

    ## What it does
    Follows direct calls from every IoCompletion routine (registered with `IoSetCompletionRoutine(Ex)` or
    declared as `IO_COMPLETION_ROUTINE`) to WSK calls that carry an IRP, and reports each with the call
    chain. The finding is an error when the routine itself issues a send or receive on every path (it
    re-arms itself unconditionally: unbounded recursion under load).

    ## Why is this bad?
    A request started in the completion routine may complete inline and call the routine again,
    recursively, until the kernel stack runs out; at DISPATCH_LEVEL the loop also starves other
    threads. The WSK documentation asks applications to queue the next operation instead.

    ## Example
    ```c
    NTSTATUS RecvDone(PDEVICE_OBJECT d, PIRP irp, PVOID c)
    {
        Process(c);
        IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(irp, RecvDone, c, TRUE, TRUE, TRUE);
        Disp(c)->WskReceive(Sock(c), Buf(c), 0, irp);      /* may complete inline: recursion */
        return STATUS_MORE_PROCESSING_REQUIRED;
    }
    ```

    ## Use instead
    Queue an "issue receive" operation to a work item or a worker thread, as the echosrv sample does
    with `WskSampleEnqueueOp`, and start the request from there.

    ## Known limitations
    Calls without an IRP (`WskRelease`, `WskControlSocket` with a NULL IRP, such as enabling event
    callbacks) complete inline and are not reported. Only direct calls are followed; a routine that
    guards re-arming with a depth counter is still reported.

    ## References
    - [Using IRPs with Winsock Kernel Functions](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/using-irps-with-winsock-kernel-functions), second note
    - Windows driver docs PR #2638, "Best practice recommendation to avoid new WSK requests from callbacks"
    - [echosrv sample](https://github.com/microsoft/Windows-driver-samples/blob/main/network/wsk/echosrv/wsksmple.c)
    """

    code = "WSK011"
    name = "request-from-completion-routine"
    category = "irp"
    severity = "warning"
    precision = "high"
    help = "Queue the next request to a work item or worker thread instead of issuing it in the completion routine."

    def check(self, program):
        reported = set()
        for fn, role in program.functions_with_role("completion"):
            routine = program.irpflow.routine(fn.key)
            if routine is None:
                continue
            for chain, where, ev in routine.requests:
                if id(ev) in reported:
                    continue
                reported.add(id(ev))
                wsk = wsk_name(ev.expr)
                severity = None
                if not chain and wsk in DATA_CALLS and \
                        MustReach(program, lambda e, f, target=ev: e is target).holds(fn):
                    severity = "error"
                trace = [role_step(role, fn)] + call_steps(chain)
                trace.append(step(ev.loc, f"{wsk} starts a new request"))
                via = f" (through {chain[-1][1].expr.name})" if chain else ""
                yield self.report(ev.loc, f"{wsk} starts a new WSK request from completion routine {fn.name}{via}"
                                  + ("; it runs on every completion and can recurse without bound"
                                     if severity else ""),
                                  fn=where, trace=trace, anchor=f"{ev.expr.text} from {fn.name}", severity=severity)
