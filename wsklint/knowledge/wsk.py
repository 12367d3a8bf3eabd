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


# -- sockets: categories, dispatch tables, options (sources: PFN_WSK_SOCKET, "Winsock Kernel Dispatch
#    Tables", the WSK_PROVIDER_*_DISPATCH reference pages, "WSK Socket Options", the option pages) --------

# WSK_FLAG_*_SOCKET value -> category.
SOCKET_CATEGORIES: dict[int, str] = {0: "basic", 1: "listen", 2: "connection", 4: "datagram", 8: "stream"}
CATEGORY_FLAG = {v: k for k, v in SOCKET_CATEGORIES.items()}

# Category -> the provider table `Socket->Dispatch` points to, and the client table WskSocket expects.
PROVIDER_TABLE = {
    "basic": "WSK_PROVIDER_BASIC_DISPATCH",
    "listen": "WSK_PROVIDER_LISTEN_DISPATCH",
    "datagram": "WSK_PROVIDER_DATAGRAM_DISPATCH",
    "connection": "WSK_PROVIDER_CONNECTION_DISPATCH",
    "stream": "WSK_PROVIDER_STREAM_DISPATCH",
}
CLIENT_TABLE = {
    "basic": None,
    "listen": "WSK_CLIENT_LISTEN_DISPATCH",
    "datagram": "WSK_CLIENT_DATAGRAM_DISPATCH",
    "connection": "WSK_CLIENT_CONNECTION_DISPATCH",
    "stream": "WSK_CLIENT_STREAM_DISPATCH",
}

# Provider table -> its function-pointer members in declaration order (every table begins with the two
# basic members, so a call through any table's WskControlSocket/WskCloseSocket slot is valid).
BASIC_MEMBERS = ("WskControlSocket", "WskCloseSocket")
PROVIDER_TABLE_MEMBERS: dict[str, tuple[str, ...]] = {
    "WSK_PROVIDER_BASIC_DISPATCH": BASIC_MEMBERS,
    "WSK_PROVIDER_LISTEN_DISPATCH": BASIC_MEMBERS + ("WskBind", "WskAccept", "WskInspectComplete",
                                                     "WskGetLocalAddress"),
    "WSK_PROVIDER_DATAGRAM_DISPATCH": BASIC_MEMBERS + ("WskBind", "WskSendTo", "WskReceiveFrom", "WskRelease",
                                                       "WskGetLocalAddress", "WskSendMessages"),
    "WSK_PROVIDER_CONNECTION_DISPATCH": BASIC_MEMBERS + ("WskBind", "WskConnect", "WskGetLocalAddress",
                                                         "WskGetRemoteAddress", "WskSend", "WskReceive",
                                                         "WskDisconnect", "WskRelease", "WskConnectEx",
                                                         "WskSendEx", "WskReceiveEx"),
    "WSK_PROVIDER_STREAM_DISPATCH": BASIC_MEMBERS + ("WskBind", "WskAccept", "WskConnect", "WskListen", "WskSend",
                                                     "WskReceive", "WskDisconnect", "WskRelease",
                                                     "WskGetLocalAddress", "WskGetRemoteAddress", "WskConnectEx",
                                                     "WskSendEx", "WskReceiveEx"),
}

# Calls that create a socket (delivered in Irp->IoStatus.Information) and the parameter naming it.
SOCKET_CREATORS = frozenset({"WskSocket", "WskSocketConnect", "WskAccept"})
# The parameter of each socket-level call that names the socket it operates on.
SOCKET_PARAM = {name: ("ListenSocket" if "ListenSocket" in params else "Socket")
                for name, params in PROVIDER_FUNCTIONS.items()
                if "Socket" in params or "ListenSocket" in params}

AF_INET, AF_INET6 = 2, 23
FAMILIES = {2: "AF_INET", 23: "AF_INET6"}
SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP = 0xFFFF, 0, 41, 6, 17
LEVELS = {"SOL_SOCKET": SOL_SOCKET, "IPPROTO_IP": IPPROTO_IP, "IPPROTO_IPV6": IPPROTO_IPV6,
          "IPPROTO_TCP": IPPROTO_TCP, "IPPROTO_UDP": IPPROTO_UDP}
TRANSPORT_LEVELS = frozenset({IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP})

CONTROL_SOCKET_TYPES = {"WskSetOption": 0, "WskGetOption": 1, "WskIoctl": 2}

# Socket options: name -> (level, code). Codes are unsigned 32-bit.
SOCKET_OPTIONS: dict[str, tuple[int, int]] = {
    "SO_REUSEADDR": (SOL_SOCKET, 0x0004),
    "SO_KEEPALIVE": (SOL_SOCKET, 0x0008),
    "SO_EXCLUSIVEADDRUSE": (SOL_SOCKET, 0xFFFFFFFB),
    "SO_SNDBUF": (SOL_SOCKET, 0x1001),
    "SO_RCVBUF": (SOL_SOCKET, 0x1002),
    "SO_CONDITIONAL_ACCEPT": (SOL_SOCKET, 0x3002),
    "SO_REUSE_UNICASTPORT": (SOL_SOCKET, 0x3007),
    "SO_REUSE_MULTICASTPORT": (SOL_SOCKET, 0x3008),
    "SO_WSK_SECURITY": (SOL_SOCKET, 0x4001),
    "SO_WSK_EVENT_CALLBACK": (SOL_SOCKET, 0x4002),
    "IP_ADD_MEMBERSHIP": (IPPROTO_IP, 12),
    "IP_ADD_SOURCE_MEMBERSHIP": (IPPROTO_IP, 15),
    "IP_PKTINFO": (IPPROTO_IP, 19),
    "IPV6_ADD_MEMBERSHIP": (IPPROTO_IPV6, 12),
    "IPV6_PKTINFO": (IPPROTO_IPV6, 19),
    "IPV6_V6ONLY": (IPPROTO_IPV6, 27),
    "TCP_NODELAY": (IPPROTO_TCP, 0x0001),
}
MULTICAST_OPTIONS = frozenset({"IP_ADD_MEMBERSHIP", "IP_ADD_SOURCE_MEMBERSHIP", "IPV6_ADD_MEMBERSHIP",
                               "SO_REUSE_MULTICASTPORT"})
# Options that only take effect before the socket is bound (WSK026).
PRE_BIND_OPTIONS = frozenset({"SO_EXCLUSIVEADDRUSE", "SO_REUSEADDR", "SO_WSK_SECURITY", "SO_CONDITIONAL_ACCEPT",
                              "IPV6_V6ONLY"})

# Socket IOCTLs (RequestType WskIoctl): name -> code.
SOCKET_IOCTLS: dict[str, int] = {
    "SIO_WSK_SET_REMOTE_ADDRESS": 0x8F000001,
    "SIO_WSK_REGISTER_EXTENSION": 0xCF000002,
    "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG": 0x4F000003,
    "SIO_WSK_QUERY_RECEIVE_BACKLOG": 0x4F000004,
    "SIO_WSK_QUERY_INSPECT_ID": 0x4F000005,
    "SIO_WSK_SET_SENDTO_ADDRESS": 0x8F000006,
}

# WskControlClient control codes.
CLIENT_CONTROLS: dict[str, int] = {
    "WSK_TRANSPORT_LIST_QUERY": 2,
    "WSK_TRANSPORT_LIST_CHANGE": 3,
    "WSK_CACHE_SD": 4,
    "WSK_RELEASE_SD": 5,
    "WSK_TDI_DEVICENAME_MAPPING": 6,
    "WSK_SET_STATIC_EVENT_CALLBACKS": 7,
    "WSK_TDI_BEHAVIOR": 8,
}
# Client controls that must precede the creation of any socket (WSK026).
BEFORE_ANY_SOCKET = frozenset({"WSK_SET_STATIC_EVENT_CALLBACKS", "WSK_TDI_BEHAVIOR"})

# WSK_EVENT_CALLBACK_CONTROL.EventMask bits.
EVENTS: dict[str, int] = {
    "WSK_EVENT_RECEIVE_FROM": 0x00000100,
    "WSK_EVENT_ACCEPT": 0x00000200,
    "WSK_EVENT_SEND_BACKLOG": 0x00000010,
    "WSK_EVENT_RECEIVE": 0x00000040,
    "WSK_EVENT_DISCONNECT": 0x00000080,
}
WSK_EVENT_DISABLE = 0x80000000


def event_names(mask: int) -> list[str]:
    """The WSK_EVENT_* names of a mask's bits (unknown bits in hex), without WSK_EVENT_DISABLE."""
    out = [k for k, v in EVENTS.items() if mask & v]
    rest = mask & ~sum(EVENTS.values()) & ~WSK_EVENT_DISABLE
    if rest:
        out.append(f"0x{rest:X}")
    return out

# IRP requirement of control operations (WSK024): (kind, name) -> "required" | "forbidden".
# kind: "option" (WskSetOption/WskGetOption), "ioctl", "client" (WskControlClient).
# SO_WSK_EVENT_CALLBACK is "forbidden" when enabling and optional when disabling (decided by the rule).
CONTROL_IRP: dict[tuple[str, str], str] = {
    ("option", "SO_WSK_EVENT_CALLBACK"): "forbidden",
    ("option", "SO_EXCLUSIVEADDRUSE"): "required",
    ("option", "SO_REUSEADDR"): "required",
    ("option", "SO_WSK_SECURITY"): "required",
    ("ioctl", "SIO_WSK_QUERY_IDEAL_SEND_BACKLOG"): "required",
    ("ioctl", "SIO_WSK_QUERY_RECEIVE_BACKLOG"): "required",
    ("client", "WSK_SET_STATIC_EVENT_CALLBACKS"): "forbidden",
    ("client", "WSK_CACHE_SD"): "forbidden",
    ("client", "WSK_RELEASE_SD"): "forbidden",
    ("client", "WSK_TDI_BEHAVIOR"): "forbidden",
}
# Socket calls whose Irp parameter is required (never NULL).
IRP_REQUIRED_CALLS = frozenset({"WskCloseSocket", "WskInspectComplete"})

# Reserved Flags parameters (must be 0): function -> parameter.
RESERVED_FLAGS = {"WskBind": "Flags", "WskConnect": "Flags", "WskSocketConnect": "Flags", "WskSendTo": "Flags",
                  "WskReceiveFrom": "Flags", "WskSendMessages": "Flags", "WskAccept": "Flags"}
WSK_FLAG_WAITALL, WSK_FLAG_DRAIN = 0x2, 0x4

# Socket address structures: normalised type name -> (family class, size in bytes).
# family class: "in4" | "in6" | "any" (a union or storage that fits either) | "generic" (plain SOCKADDR).
SOCKADDR_TYPES: dict[str, tuple[str, int]] = {
    "SOCKADDR_IN": ("in4", 16), "sockaddr_in": ("in4", 16),
    "SOCKADDR_IN6": ("in6", 28), "SOCKADDR_IN6_LH": ("in6", 28), "sockaddr_in6": ("in6", 28),
    "SOCKADDR_IN6_W2KSP1": ("in6", 28), "sockaddr_in6_w2ksp1": ("in6", 28),
    "SOCKADDR_INET": ("any", 28), "_SOCKADDR_INET": ("any", 28),
    "SOCKADDR_STORAGE": ("any", 128), "SOCKADDR_STORAGE_LH": ("any", 128), "sockaddr_storage": ("any", 128),
    "SOCKADDR": ("generic", 16), "sockaddr": ("generic", 16),
}
# Positional initialiser order of the address structures (for `SOCKADDR_IN6 a = { AF_INET6, port, ... }`).
SOCKADDR_FIELDS = {
    "in4": ("sin_family", "sin_port", "sin_addr", "sin_zero"),
    "in6": ("sin6_family", "sin6_port", "sin6_flowinfo", "sin6_addr", "sin6_scope_id"),
}
# Functions that convert a port to network byte order (the port stays non-zero iff the argument is).
BYTE_SWAP_FUNCTIONS = frozenset({"htons", "ntohs", "RtlUshortByteSwap", "_byteswap_ushort"})

# Every constant above by the name a driver writes, for arguments whose headers were missing (the
# stubbed name is all the model has), plus the send/disconnect flags and the Win32 ISB query.
CONSTANTS: dict[str, int] = {
    **CONTROL_SOCKET_TYPES, **CLIENT_CONTROLS, **SOCKET_IOCTLS, **EVENTS, **LEVELS,
    **{name: code for name, (_, code) in SOCKET_OPTIONS.items()},
    "WSK_EVENT_DISABLE": WSK_EVENT_DISABLE, "SIO_IDEAL_SEND_BACKLOG_QUERY": 0x4004747B,
    "WSK_FLAG_ABORTIVE": 0x1, "WSK_FLAG_NODELAY": 0x2, "WSK_FLAG_RELEASE_ASAP": 0x2,
}
