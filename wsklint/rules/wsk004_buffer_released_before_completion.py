from __future__ import annotations

from .base import Rule
from .irp_common import report_incidents, routine_name

_WHAT = {"buf": "buffer", "ctx": "completion context", "irp": "IRP", "mdl": "MDL"}


class BufferReleasedBeforeCompletion(Rule):
    """Everything a pending WSK request refers to must stay valid until the IRP completes.

    ## What it does
    Records, at each WSK call, what the request keeps using until it completes: the buffers the
    reference pages name (`ControlInfo` of `WskSendTo`; `RemoteAddress`, `ControlLength`, `ControlInfo`,
    `ControlFlags` of `WskReceiveFrom`; `LocalAddress`/`RemoteAddress` of `WskAccept`; `InputBuffer`,
    `OutputBuffer`, `OutputSizeReturned` of `WskControlSocket`/`WskControlClient`; the outputs of
    `WskGetLocalAddress`, `WskGetRemoteAddress`, `WskGetAddressInfo`, `WskGetNameInfo`; the security
    descriptor of `WskSocket`), the IRP itself, and the completion context. Then reports:
    - a path from the call to the function's return, while the request may be pending, when one of them
      is on this function's stack (a stack IRP, a stack `KEVENT` the routine signals, `&optionValue`);
    - `ExFreePool*` of one of them while the request may be pending;
    - `ExFreePool*` of the completion context when the completion routine frees it too.
    A wait on the event the completion routine signals, unconditional or under `st == STATUS_PENDING`,
    proves completion; so does a status known not to be `STATUS_PENDING`. Helpers are followed: a
    buffer passed down to a helper that submits and returns without waiting is the caller's problem.

    ## Why is this bad?
    WSK writes results into output buffers and reads control data when the request completes, possibly
    minutes later; the completion routine signals its event and reads its context then too. A stack
    frame that has returned, or a pool block that was freed, is by then someone else's memory: the
    corruption shows up far from the cause.

    ## Example
    ```c
    NTSTATUS SetExclusive(PWSK_SOCKET s, PIRP irp)
    {
        ULONG on = 1;                                   /* stack */
        return disp->WskControlSocket(s, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET,
                                      sizeof(on), &on, 0, NULL, NULL, irp);   /* may return PENDING */
    }
    ```

    ## Use instead
    Wait before returning when the status is `STATUS_PENDING` (`KeWaitForSingleObject` on the event the
    completion routine sets), or put the value in a pool-allocated context that the completion routine
    frees. Microsoft's own set-option sample returns without waiting; such calls usually complete inline,
    but the contract does not promise it, so this is still reported.

    ## Known limitations
    The `WSK_BUF` structure itself and the input addresses of `WskBind`/`WskConnect` are not required
    to stay valid (the pages do not say so); the MDLs are checked by WSK016/WSK017. Memory is tracked
    within a function and through helper parameters, not through structures stored elsewhere.

    ## References
    - [PFN_WSK_SEND_TO](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_send_to)
    - [PFN_WSK_RECEIVE_FROM](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_receive_from)
    - [PFN_WSK_ACCEPT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_accept)
    - [PFN_WSK_CONTROL_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_control_socket)
    - [PFN_WSK_CONTROL_CLIENT](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_control_client)
    - [PFN_WSK_SOCKET](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nc-wsk-pfn_wsk_socket)
    - [Performing Control Operations on a Socket](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/performing-control-operations-on-a-socket)
    - [Different ways of handling IRPs: cheat sheet](https://learn.microsoft.com/en-us/windows-hardware/drivers/kernel/different-ways-of-handling-irps-cheat-sheet)
    """

    code = "WSK004"
    name = "buffer-released-before-completion"
    category = "buffers"
    severity = "error"
    precision = "high"
    help = ("Wait for completion before returning or freeing (KeWaitForSingleObject on the completion event when "
            "the call returned STATUS_PENDING), or keep the memory in a context the completion routine frees.")

    def check(self, program):
        def describe(inc):
            obj, wsk = inc.data.get("obj"), inc.data.get("wsk") or "WSK"
            what = _WHAT.get(inc.data.get("what") or inc.data.get("kept"), "memory")
            if inc.kind == "exit_inflight":
                return (f"The {what} '{obj}' is on the stack of {inc.fn.name}, which can return while the {wsk} "
                        "request using it is still pending", None)
            if inc.kind == "release_inflight":
                if (inc.data.get("what") or "").startswith("mdl"):
                    return None   # MDL unlock/free before completion: WSK017
                return f"'{obj}' is freed while the {wsk} request that uses it may still be pending", None
            return (f"'{obj}' is freed here and again by {routine_name(program, inc.data.get('routine'))} when "
                    f"the {wsk} request completes", None)

        yield from report_incidents(self, program, ("exit_inflight", "release_inflight", "release_owned"), describe)
