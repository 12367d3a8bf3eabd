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
}

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

# Control codes, options, flags and event masks, by the name a driver writes (values from wsk.h,
# ws2def.h and ws2ipdef.h).
CONSTANTS: dict[str, int] = {
    "WskSetOption": 0, "WskGetOption": 1, "WskIoctl": 2,
    "WSK_CACHE_SD": 4, "WSK_RELEASE_SD": 5, "WSK_SET_STATIC_EVENT_CALLBACKS": 7,
    "SOL_SOCKET": 0xFFFF, "IPPROTO_TCP": 6, "TCP_NODELAY": 1,
    "SO_WSK_SECURITY": 0x4001, "SO_WSK_EVENT_CALLBACK": 0x4002,
    "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG": 0x4F000003, "SIO_IDEAL_SEND_BACKLOG_QUERY": 0x4004747B,
    "WSK_FLAG_NODELAY": 0x2, "WSK_FLAG_ABORTIVE": 0x1,
    "WSK_EVENT_SEND_BACKLOG": 0x10, "WSK_EVENT_RECEIVE": 0x40, "WSK_EVENT_DISCONNECT": 0x80,
    "WSK_EVENT_RECEIVE_FROM": 0x100, "WSK_EVENT_ACCEPT": 0x200, "WSK_EVENT_DISABLE": 0x80000000,
}
