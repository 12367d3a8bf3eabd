from __future__ import annotations

from ..analysis.calls import arg, calls_to
from ..analysis.interproc import call_steps
from ..knowledge.irql import PASSIVE, level_name
from ..knowledge.wsk import WSK_INFINITE_WAIT, WSK_NO_WAIT
from .base import Rule, role_step, step

BOOT_ROLES = ("driver_entry", "add_device", "pnp_start")
EXCESSIVE_MS = 1000


class CaptureNpiBlockingWait(Rule):
    """`WskCaptureProviderNPI` must not wait for WSK where it can block system start, or above PASSIVE_LEVEL.

    ## What it does
    - Follows calls (direct and through function pointers) from `DriverEntry`, AddDevice and PnP start
      routines (`EvtDevicePrepareHardware`, `MiniportInitializeEx`) to `WskCaptureProviderNPI` calls
      whose `WaitTimeout` is `WSK_INFINITE_WAIT` or a constant above one second. Thread and work-item
      start routines are not followed: waiting there is the recommended design.
    - Reports `WskCaptureProviderNPI` with a timeout other than `WSK_NO_WAIT` where IRQL can be above
      PASSIVE_LEVEL: in event callbacks, completion routines, DPCs, spin-lock regions and everything
      they call (the IRQL inference of WSK005).

    ## Why is this bad?
    WSK may not be ready when a driver loads. `WskCaptureProviderNPI` then blocks its caller until the
    subsystem attaches; on the `DriverEntry` thread that delays every driver and service started after
    it, and wireguard-nt found that waiting from `MiniportInitialize` hung boot indefinitely on user
    machines. A capture that may wait must be made at PASSIVE_LEVEL; above it only `WSK_NO_WAIT` is
    allowed.

    ## Example
    ```c
    NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
    {
        WskRegister(&g_ClientNpi, &g_Registration);
        return WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_ProviderNpi);
    }
    ```

    ## Use instead
    Register in `DriverEntry`, and capture the provider NPI later: on a system thread or work item, or
    lazily on first use, or with `WSK_NO_WAIT` and a retry.
    ```c
    NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
    {
        return WskRegister(&g_ClientNpi, &g_Registration);   /* capture on first socket creation */
    }
    ```

    ## Known limitations
    Timeouts computed at run time are not judged. The driver's start type (boot or demand) is not
    known, so demand-start drivers are reported too.

    ## References
    - [WskCaptureProviderNPI](https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wsk/nf-wsk-wskcaptureprovidernpi)
    - [Registering a Winsock Kernel Application](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/registering-a-winsock-kernel-application)
    - wireguard-nt commit e329f48, "defer WskInit until sockets are actually created"
    """

    code = "WSK012"
    name = "capture-npi-blocking-wait"
    category = "lifecycle"
    severity = "error"
    precision = "high"
    message = "WskCaptureProviderNPI waits {wait} on a path from {role} {entry}; this can block system start"
    help = ("Register in DriverEntry and capture the provider NPI later (system thread, work item or first use), "
            "or pass WSK_NO_WAIT and retry.")

    def check(self, program):
        yield from self._boot_waits(program)
        yield from self._raised_irql(program)

    def _raised_irql(self, program):
        facts = program.irql
        for fn in facts.reached():
            for _, ev, st in facts.states(fn):
                # a capture on a WSK_FLAG_AT_DISPATCH_LEVEL-clear branch is WSK007's
                if ev.kind != "call" or st.hi == PASSIVE or st.flag_clear is not None or not _is_capture(ev, fn):
                    continue
                timeout = arg(ev.expr, "WaitTimeout")
                value = timeout.strip().value if timeout is not None else None
                if value is None or value == WSK_NO_WAIT:
                    continue
                wait = _wait_text(value & 0xFFFFFFFF)
                where = level_name(st.hi)
                trace = facts.trace(fn, st, ev.loc, f"WskCaptureProviderNPI waits {wait}")
                yield self.report(ev.loc, f"WskCaptureProviderNPI waits {wait} where IRQL can be {where}; only "
                                  f"WSK_NO_WAIT is allowed above PASSIVE_LEVEL: {facts.path(fn, st)}",
                                  fn=fn, trace=trace, anchor=f"{ev.expr.text} raised in {fn.name}")

    def _boot_waits(self, program):
        reported = set()
        for role_kind in BOOT_ROLES:
            for entry, role in program.functions_with_role(role_kind):
                for chain, fn, ev in program.callgraph.chains(entry, _is_capture):
                    timeout = arg(ev.expr, "WaitTimeout")
                    value = timeout.strip().value if timeout is not None else None
                    if value is None:
                        continue
                    value &= 0xFFFFFFFF
                    if value != WSK_INFINITE_WAIT and value <= EXCESSIVE_MS:
                        continue
                    wait = _wait_text(value)
                    severity = "error" if value == WSK_INFINITE_WAIT else "warning"
                    if id(ev) in reported:
                        continue
                    reported.add(id(ev))
                    trace = [role_step(role, entry)]
                    trace += call_steps(chain)
                    trace.append(step(ev.loc, f"WskCaptureProviderNPI waits {wait}"))
                    yield self.report(ev.loc, self.message.format(wait=wait, role=_ROLE_TEXT[role_kind],
                                                                  entry=entry.name),
                                      fn=fn, trace=trace, anchor=ev.expr.text, severity=severity)

_is_capture = calls_to("WskCaptureProviderNPI")

_ROLE_TEXT = {"driver_entry": "driver entry", "add_device": "AddDevice routine", "pnp_start": "PnP start routine"}


def _wait_text(value: int) -> str:
    return "indefinitely (WSK_INFINITE_WAIT)" if value == WSK_INFINITE_WAIT else f"up to {value} ms"
