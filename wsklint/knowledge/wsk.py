"""Facts about the WSK API, as data. A new API is a change here, never in a rule.

Sources: the WDK reference pages for wsk.h (learn.microsoft.com/windows-hardware/drivers/ddi/wsk/).
"""
from __future__ import annotations

# Provider functions reached through dispatch tables: name -> parameter names (in order).
PROVIDER_FUNCTIONS: dict[str, tuple[str, ...]] = {
    # WSK_PROVIDER_DISPATCH (client level)
    "WskSocket": ("Client", "AddressFamily", "SocketType", "Protocol", "Flags", "SocketContext", "Dispatch",
                  "OwningProcess", "OwningThread", "SecurityDescriptor", "Irp"),
    "WskSocketConnect": ("Client", "SocketType", "Protocol", "LocalAddress", "RemoteAddress", "Flags",
                         "SocketContext", "Dispatch", "OwningProcess", "OwningThread", "SecurityDescriptor", "Irp"),
    "WskControlClient": ("Client", "ControlCode", "InputSize", "InputBuffer", "OutputSize", "OutputBuffer",
                         "OutputSizeReturned", "Irp"),
    "WskGetAddressInfo": ("Client", "NodeName", "ServiceName", "NameSpace", "Provider", "Hints", "Result",
                          "OwningProcess", "OwningThread", "Irp"),
    "WskFreeAddressInfo": ("Client", "AddrInfo"),
    "WskGetNameInfo": ("Client", "SockAddr", "SockAddrLength", "NodeName", "ServiceName", "Flags",
                       "OwningProcess", "OwningThread", "Irp"),
    # WSK_PROVIDER_BASIC_DISPATCH
    "WskControlSocket": ("Socket", "RequestType", "ControlCode", "Level", "InputSize", "InputBuffer", "OutputSize",
                         "OutputBuffer", "OutputSizeReturned", "Irp"),
    "WskCloseSocket": ("Socket", "Irp"),
    # listen / datagram / connection / stream
    "WskBind": ("Socket", "LocalAddress", "Flags", "Irp"),
    "WskListen": ("Socket", "Irp"),
    "WskAccept": ("ListenSocket", "Flags", "AcceptSocketContext", "AcceptSocketDispatch", "LocalAddress",
                  "RemoteAddress", "Irp"),
    "WskInspectComplete": ("ListenSocket", "InspectID", "Action", "Irp"),
    "WskGetLocalAddress": ("Socket", "LocalAddress", "Irp"),
    "WskGetRemoteAddress": ("Socket", "RemoteAddress", "Irp"),
    "WskSendTo": ("Socket", "Buffer", "Flags", "RemoteAddress", "ControlInfoLength", "ControlInfo", "Irp"),
    "WskReceiveFrom": ("Socket", "Buffer", "Flags", "RemoteAddress", "ControlLength", "ControlInfo",
                       "ControlFlags", "Irp"),
    "WskSendMessages": ("Socket", "BufferList", "Flags", "RemoteAddress", "ControlInfoLength", "ControlInfo",
                        "Irp"),
    "WskRelease": ("Socket", "Indication"),
    "WskConnect": ("Socket", "RemoteAddress", "Flags", "Irp"),
    "WskConnectEx": ("Socket", "RemoteAddress", "Buffer", "Flags", "Irp"),
    "WskSend": ("Socket", "Buffer", "Flags", "Irp"),
    "WskSendEx": ("Socket", "Buffer", "Flags", "ControlInfoLength", "ControlInfo", "Irp"),
    "WskReceive": ("Socket", "Buffer", "Flags", "Irp"),
    "WskReceiveEx": ("Socket", "Buffer", "Flags", "ControlLength", "ControlInfo", "ControlFlags", "Irp"),
    "WskDisconnect": ("Socket", "Buffer", "Flags", "Irp"),
}

# Function-pointer typedefs of the provider functions (`PFN_WSK_SEND Send = Dispatch->WskSend; Send(...)`).
PFN_TYPES: dict[str, str] = {
    "PFN_WSK_" + "".join("_" + c if c.isupper() else c.upper() for c in name[3:]).lstrip("_"): name
    for name in PROVIDER_FUNCTIONS
}
PFN_TYPES["PFN_WSK_RELEASE_DATA_INDICATION_LIST"] = PFN_TYPES["PFN_WSK_RELEASE_DATAGRAM_INDICATION_LIST"] = \
    "WskRelease"

# Functions exported by netio.sys (called directly, not through a dispatch table).
EXPORTED_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "WskRegister": ("WskClientNpi", "WskRegistration"),
    "WskDeregister": ("WskRegistration",),
    "WskCaptureProviderNPI": ("WskRegistration", "WaitTimeout", "WskProviderNpi"),
    "WskReleaseProviderNPI": ("WskRegistration",),
    "WskQueryProviderCharacteristics": ("WskRegistration", "WskProviderCharacteristics"),
}

# Client-level provider functions (called through WSK_PROVIDER_DISPATCH, i.e. `Npi.Dispatch->X`).
CLIENT_LEVEL = frozenset({"WskSocket", "WskSocketConnect", "WskControlClient", "WskGetAddressInfo",
                          "WskFreeAddressInfo", "WskGetNameInfo"})

# Provider dispatch structs (their function-pointer members are the WSK calls).
PROVIDER_DISPATCH_TYPES = frozenset({
    "WSK_PROVIDER_DISPATCH", "WSK_PROVIDER_BASIC_DISPATCH", "WSK_PROVIDER_LISTEN_DISPATCH",
    "WSK_PROVIDER_DATAGRAM_DISPATCH", "WSK_PROVIDER_CONNECTION_DISPATCH", "WSK_PROVIDER_STREAM_DISPATCH",
})

# Client dispatch structs -> the event callbacks they hold (member name -> role).
CLIENT_DISPATCH_TYPES: dict[str, tuple[str, ...]] = {
    "WSK_CLIENT_DISPATCH": ("WskClientEvent",),
    "WSK_CLIENT_LISTEN_DISPATCH": ("WskAcceptEvent", "WskInspectEvent", "WskAbortEvent"),
    "WSK_CLIENT_DATAGRAM_DISPATCH": ("WskReceiveFromEvent",),
    "WSK_CLIENT_CONNECTION_DISPATCH": ("WskReceiveEvent", "WskDisconnectEvent", "WskSendBacklogEvent"),
    "WSK_CLIENT_STREAM_DISPATCH": ("WskAcceptEvent", "WskInspectEvent", "WskAbortEvent", "WskReceiveEvent",
                                   "WskDisconnectEvent", "WskSendBacklogEvent"),
}

# Member order of the client dispatch tables where it differs from the callback list above (for
# positional initialisers whose type the parser did not know).
CLIENT_DISPATCH_LAYOUT: dict[str, tuple[str, ...]] = {
    "WSK_CLIENT_DISPATCH": ("Version", "Reserved", "WskClientEvent"),
    "WSK_CLIENT_STREAM_DISPATCH": (),
}

EVENT_CALLBACKS: dict[str, tuple[str, ...]] = {
    "WskClientEvent": ("ClientContext", "EventType", "Information", "InformationLength"),
    "WskAcceptEvent": ("SocketContext", "Flags", "LocalAddress", "RemoteAddress", "AcceptSocket",
                       "AcceptSocketContext", "AcceptSocketDispatch"),
    "WskInspectEvent": ("SocketContext", "LocalAddress", "RemoteAddress", "InspectID"),
    "WskAbortEvent": ("SocketContext", "InspectID"),
    "WskReceiveFromEvent": ("SocketContext", "Flags", "DataIndication"),
    "WskReceiveEvent": ("SocketContext", "Flags", "DataIndication", "BytesIndicated", "BytesAccepted"),
    "WskDisconnectEvent": ("SocketContext", "Flags"),
    "WskSendBacklogEvent": ("SocketContext", "IdealBacklogSize"),
}

# Role typedefs (PFN_WSK_*_EVENT) that declare an event callback.
EVENT_ROLE_TYPES: dict[str, str] = {
    "PFN_WSK_CLIENT_EVENT": "WskClientEvent",
    "PFN_WSK_ACCEPT_EVENT": "WskAcceptEvent",
    "PFN_WSK_INSPECT_EVENT": "WskInspectEvent",
    "PFN_WSK_ABORT_EVENT": "WskAbortEvent",
    "PFN_WSK_RECEIVE_FROM_EVENT": "WskReceiveFromEvent",
    "PFN_WSK_RECEIVE_EVENT": "WskReceiveEvent",
    "PFN_WSK_DISCONNECT_EVENT": "WskDisconnectEvent",
    "PFN_WSK_SEND_BACKLOG_EVENT": "WskSendBacklogEvent",
}

# WSK_INSPECT_ACTION values (wsk.h).
INSPECT_ACTIONS = {"WskInspectReject": 0, "WskInspectAccept": 1, "WskInspectPend": 2, "WskInspectMax": 3}

# What each event callback may return (the callback reference pages); the values are names in STATUS
# or INSPECT_ACTIONS.
EVENT_RETURNS: dict[str, tuple[str, ...]] = {
    "WskDisconnectEvent": ("STATUS_SUCCESS",),
    "WskSendBacklogEvent": ("STATUS_SUCCESS",),
    "WskAbortEvent": ("STATUS_SUCCESS",),
    "WskReceiveEvent": ("STATUS_SUCCESS", "STATUS_PENDING", "STATUS_DATA_NOT_ACCEPTED"),
    "WskReceiveFromEvent": ("STATUS_SUCCESS", "STATUS_PENDING", "STATUS_DATA_NOT_ACCEPTED"),
    "WskAcceptEvent": ("STATUS_SUCCESS", "STATUS_REQUEST_NOT_ACCEPTED"),
    "WskInspectEvent": ("WskInspectReject", "WskInspectAccept", "WskInspectPend"),
}

# Status values (as unsigned 32-bit).
STATUS = {
    "STATUS_SUCCESS": 0x00000000,
    "STATUS_PENDING": 0x00000103,
    "STATUS_MORE_PROCESSING_REQUIRED": 0xC0000016,
    "STATUS_DATA_NOT_ACCEPTED": 0xC000021B,
    "STATUS_REQUEST_NOT_ACCEPTED": 0xC00000D0,
    "STATUS_FILE_FORCED_CLOSED": 0xC00000B6,
    "STATUS_EVENT_PENDING": 0x40000013,
    "STATUS_NOT_SUPPORTED": 0xC00000BB,
    "STATUS_DEVICE_NOT_READY": 0xC00000A3,
    "STATUS_NOINTERFACE": 0xC00002B9,
    "STATUS_TIMEOUT": 0x00000102,
    "STATUS_INSUFFICIENT_RESOURCES": 0xC000009A,
    "STATUS_INVALID_PARAMETER": 0xC000000D,
    "STATUS_UNSUCCESSFUL": 0xC0000001,
    "STATUS_CANCELLED": 0xC0000120,
    "STATUS_INVALID_BUFFER_SIZE": 0xC0000206,
    "STATUS_CONNECTION_ABORTED": 0xC0000241,
    "STATUS_INVALID_DEVICE_STATE": 0xC0000184,
}

SO_WSK_EVENT_CALLBACK = 0x4002          # WSK_SO_BASE (0x4000) + 2
WSK_SET_STATIC_EVENT_CALLBACKS = 7

WSK_NO_WAIT = 0
WSK_INFINITE_WAIT = 0xFFFFFFFF


def u32(v: int | None) -> int | None:
    return None if v is None else v & 0xFFFFFFFF


def status_name(v: int | None) -> str:
    if v is None:
        return "?"
    v = v & 0xFFFFFFFF
    for k, x in STATUS.items():
        if x == v:
            return k
    return f"0x{v:08X}"
