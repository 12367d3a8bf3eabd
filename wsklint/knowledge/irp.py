"""IRP, MDL, pool and event facts as data: which WSK calls take an IRP and what must outlive it, and
the kernel routines that allocate, arm, submit, wait for, release and free things.

Sources: the WDK reference pages of wsk.h and wdm.h (learn.microsoft.com/windows-hardware/drivers/ddi/),
*Using IRPs with Winsock Kernel Functions*, and the rule catalog (WSK001-WSK004, WSK016-WSK019).
Parameter names are those of `knowledge/wsk.py`.
"""
from __future__ import annotations

from .irql import PAGED_POOL_NAMES, PAGED_POOL_TYPES, POOL_FLAG_PAGED  # noqa: F401 (re-exported)

# WSK calls that take an IRP -> parameters whose memory WSK may still use until the IRP completes.
# Inputs WSK copies before returning are not listed (the pages only name these); outputs written at
# completion are. WSK_BUF parameters are in MDL_ARGS: what must stay valid is the MDL chain (locked).
KEEP_VALID: dict[str, tuple[str, ...]] = {
    "WskSocket": ("SecurityDescriptor",),
    "WskSocketConnect": ("SecurityDescriptor",),
    "WskControlClient": ("InputBuffer", "OutputBuffer", "OutputSizeReturned"),
    "WskGetAddressInfo": ("Result",),
    "WskGetNameInfo": ("NodeName", "ServiceName"),
    "WskControlSocket": ("InputBuffer", "OutputBuffer", "OutputSizeReturned"),
    "WskCloseSocket": (),
    "WskBind": (),
    "WskListen": (),
    "WskAccept": ("LocalAddress", "RemoteAddress"),
    "WskInspectComplete": (),
    "WskConnect": (),
    "WskConnectEx": (),
    "WskSend": (),
    "WskSendEx": (),
    "WskReceive": (),
    "WskReceiveEx": ("ControlLength", "ControlInfo", "ControlFlags"),
    "WskSendTo": ("ControlInfo",),
    "WskReceiveFrom": ("RemoteAddress", "ControlLength", "ControlInfo", "ControlFlags"),
    "WskSendMessages": (),
    "WskDisconnect": (),
    "WskGetLocalAddress": ("LocalAddress",),
    "WskGetRemoteAddress": ("RemoteAddress",),
}
IRP_CALLS = frozenset(KEEP_VALID)

# WSK_BUF (or WSK_BUF_LIST) parameters: the MDL chain must stay valid and locked until completion.
MDL_ARGS: dict[str, tuple[str, ...]] = {
    "WskSend": ("Buffer",), "WskSendEx": ("Buffer",), "WskReceive": ("Buffer",), "WskReceiveEx": ("Buffer",),
    "WskSendTo": ("Buffer",), "WskReceiveFrom": ("Buffer",), "WskConnectEx": ("Buffer",),
    "WskDisconnect": ("Buffer",), "WskSendMessages": ("BufferList",),
}

# The IRP may be NULL for these (then the call completes inline and no IRP is involved).
OPTIONAL_IRP = frozenset({"WskControlSocket", "WskControlClient"})

# Irp->IoStatus.Information holds the new PWSK_SOCKET after success.
CREATES_SOCKET = frozenset({"WskSocket", "WskSocketConnect", "WskAccept"})

# Return codes after which the pages do not say whether WSK completes the IRP: WskSend and WskReceive
# return STATUS_NOT_SUPPORTED for a flag the transport does not support, where every other failure
# "will be completed with failure status".
UNDOCUMENTED_COMPLETION: dict[str, int] = {"WskSend": 0xC00000BB, "WskReceive": 0xC00000BB}

# Routines that take an IRP without keeping it (stack-location accessors and the pending mark).
IRP_ACCESSORS = frozenset({"IoGetCurrentIrpStackLocation", "IoGetNextIrpStackLocation", "IoSetNextIrpStackLocation",
                           "IoSkipCurrentIrpStackLocation", "IoCopyCurrentIrpStackLocationToNext",
                           "IoMarkIrpPending", "IoSetCompletionRoutine", "IoSetCompletionRoutineEx"})
MARK_PENDING = "IoMarkIrpPending"

# Handlers that run when a process closes its handle (or dies): the IRP_MJ_* indexes of
# DriverObject->MajorFunction, and the KMDF file-object callbacks for the same events -- by role typedef,
# by WDF_FILEOBJECT_CONFIG field, and by the argument of WDF_FILEOBJECT_CONFIG_INIT(Config, Create,
# Close, Cleanup).
HANDLE_CLOSE_MAJORS: dict[int, str] = {0x02: "IRP_MJ_CLOSE", 0x12: "IRP_MJ_CLEANUP"}
WDF_FILE_CALLBACKS: dict[str, str] = {"EVT_WDF_FILE_CLOSE": "EvtFileClose", "EVT_WDF_FILE_CLEANUP": "EvtFileCleanup"}
WDF_FILE_CONFIG_INIT: dict[str, dict[int, str]] = {"WDF_FILEOBJECT_CONFIG_INIT": {2: "EvtFileClose",
                                                                                  3: "EvtFileCleanup"}}

# Data transfer calls (for the unbounded-recursion escalation of WSK011).
DATA_CALLS = frozenset({"WskSend", "WskSendEx", "WskReceive", "WskReceiveEx", "WskSendTo", "WskReceiveFrom",
                        "WskSendMessages"})

# Kernel routines: name -> (kind, {role: argument index}).
ROUTINES: dict[str, tuple[str, dict[str, int]]] = {
    # IRPs
    "IoAllocateIrp": ("irp_allocate", {"stack": 0}),
    "IoInitializeIrp": ("irp_initialize", {"irp": 0, "size": 1, "stack": 2}),
    "IoReuseIrp": ("irp_reuse", {"irp": 0}),
    "IoFreeIrp": ("irp_free", {"irp": 0}),
    "IoCancelIrp": ("irp_cancel", {"irp": 0}),
    "IoCompleteRequest": ("irp_complete", {"irp": 0}),
    "IoCallDriver": ("irp_call_driver", {"irp": 1}),
    "IoSetCompletionRoutine": ("irp_arm", {"irp": 0, "routine": 1, "context": 2,
                                           "success": 3, "error": 4, "cancel": 5}),
    "IoSetCompletionRoutineEx": ("irp_arm", {"irp": 1, "routine": 2, "context": 3,
                                             "success": 4, "error": 5, "cancel": 6}),
    "IoBuildSynchronousFsdRequest": ("irp_build", {}),
    "IoBuildAsynchronousFsdRequest": ("irp_build", {}),
    "IoBuildDeviceIoControlRequest": ("irp_build", {}),
    "IoMakeAssociatedIrp": ("irp_build", {}),
    # MDLs
    "IoAllocateMdl": ("mdl_allocate", {"va": 0, "length": 1}),
    "IoBuildPartialMdl": ("mdl_partial", {"source": 0, "mdl": 1, "va": 2, "length": 3}),
    "MmAllocatePagesForMdl": ("mdl_pages", {}),
    "MmAllocatePagesForMdlEx": ("mdl_pages", {}),
    "MmBuildMdlForNonPagedPool": ("mdl_build", {"mdl": 0}),
    "MmProbeAndLockPages": ("mdl_lock", {"mdl": 0}),
    "MmUnlockPages": ("mdl_unlock", {"mdl": 0}),
    "IoFreeMdl": ("mdl_free", {"mdl": 0}),
    # pool
    "ExAllocatePool": ("pool_allocate", {"type": 0}),
    "ExAllocatePoolWithTag": ("pool_allocate", {"type": 0}),
    "ExAllocatePoolWithQuotaTag": ("pool_allocate", {"type": 0}),
    "ExAllocatePoolWithTagPriority": ("pool_allocate", {"type": 0}),
    "ExAllocatePoolZero": ("pool_allocate", {"type": 0}),
    "ExAllocatePoolUninitialized": ("pool_allocate", {"type": 0}),
    "ExAllocatePool2": ("pool_allocate", {"flags": 0}),
    "ExAllocatePool3": ("pool_allocate", {"flags": 0}),
    "ExAllocateFromLookasideListEx": ("pool_allocate", {}),
    "ExAllocateFromNPagedLookasideList": ("pool_allocate", {}),
    "ExAllocateFromPagedLookasideList": ("pool_allocate", {"paged": -1}),
    "ExFreePool": ("pool_free", {"block": 0}),
    "ExFreePoolWithTag": ("pool_free", {"block": 0}),
    "ExFreePool2": ("pool_free", {"block": 0}),
    "ExFreePoolWithQuotaTag": ("pool_free", {"block": 0}),
    "ExFreeToLookasideListEx": ("pool_free", {"block": 1}),
    "ExFreeToNPagedLookasideList": ("pool_free", {"block": 1}),
    "ExFreeToPagedLookasideList": ("pool_free", {"block": 1}),
    # events and waits
    "KeInitializeEvent": ("event_init", {"event": 0, "type": 1}),
    "KeSetEvent": ("event_set", {"event": 0}),
    "KeResetEvent": ("event_reset", {"event": 0}),
    "KeClearEvent": ("event_reset", {"event": 0}),
    "KeWaitForSingleObject": ("wait", {"event": 0, "timeout": 4}),
    "KeWaitForMultipleObjects": ("wait", {"timeout": 6}),
}


def kind_of(name: str) -> str | None:
    spec = ROUTINES.get(name)
    return spec[0] if spec else None


def arg_index(name: str, role: str) -> int | None:
    spec = ROUTINES.get(name)
    return spec[1].get(role) if spec else None


# EVENT_TYPE values (wdm.h).
NOTIFICATION_EVENT, SYNCHRONIZATION_EVENT = 0, 1

# Pool type and flag names that mean pageable memory.
PAGED_NAMES = PAGED_POOL_NAMES | {"POOL_FLAG_PAGED"}

STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016

# IRP fields that, read after submission, touch the IRP.
IRP_FIELDS = frozenset({"IoStatus", "PendingReturned", "MdlAddress", "UserBuffer", "AssociatedIrp", "Tail",
                        "Cancel", "Flags", "RequestorMode", "UserIosb", "UserEvent"})
