"""Tests for the bundled declaration headers in wsklint/frontend/include/.

This is the one test module allowed to import clang.cindex directly: it
checks the headers themselves, independently of the front end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

clang_cindex = pytest.importorskip("clang.cindex")
ci = clang_cindex

INCLUDE_DIR = Path(__file__).resolve().parent.parent / "wsklint" / "frontend" / "include"
HEADERS = sorted(p.name for p in INCLUDE_DIR.glob("*.h"))

BASE_ARGS = [
    "--target=x86_64-pc-windows-msvc",
    "-fms-extensions",
    "-fms-compatibility",
    "-nostdinc",
    "-isystem",
    str(INCLUDE_DIR),
]

# (language, -std value or None for the compiler default)
MODES = [("c", None), ("c", "c11"), ("c++", "c++17")]


def _parse(source: str, lang: str = "c", std: str | None = None, extra=()):
    name = "snippet.cpp" if lang == "c++" else "snippet.c"
    args = BASE_ARGS + ["-x", lang] + ([f"-std={std}"] if std else []) + list(extra)
    index = ci.Index.create()
    return index.parse(name, args=args, unsaved_files=[(name, source)])


def _errors(tu):
    return [
        f"{d.location.file}:{d.location.line}:{d.location.column}: {d.spelling}"
        for d in tu.diagnostics
        if d.severity >= ci.Diagnostic.Error
    ]


def _mode_id(mode):
    lang, std = mode
    return f"{lang}-{std or 'default'}"


def test_header_set_is_complete():
    required = {
        "stddef.h", "stdarg.h", "stdint.h", "limits.h", "stdbool.h", "string.h",
        "stdlib.h", "intrin.h", "wchar.h", "ctype.h", "stdio.h", "sal.h",
        "driverspecs.h", "ntdef.h", "ntstatus.h", "wdm.h", "ntddk.h", "ntifs.h",
        "wsk.h", "ws2def.h", "ws2ipdef.h", "mstcpip.h", "netioapi.h", "in6addr.h",
        "inaddr.h", "ntstrsafe.h", "ntintsafe.h", "wdmsec.h", "ntimage.h",
        "basetsd.h", "windef.h", "minwindef.h", "initguid.h", "guiddef.h",
        "evntrace.h", "wmistr.h", "wmilib.h",
    }
    missing = required - set(HEADERS)
    assert not missing, f"missing headers: {sorted(missing)}"
    assert (INCLUDE_DIR / "README.md").is_file()


@pytest.mark.parametrize("mode", MODES, ids=_mode_id)
@pytest.mark.parametrize("header", HEADERS)
def test_each_header_parses_alone(header, mode):
    lang, std = mode
    tu = _parse(f"#include <{header}>\n", lang, std)
    assert _errors(tu) == []


@pytest.mark.parametrize("mode", MODES, ids=_mode_id)
@pytest.mark.parametrize("order", ["sorted", "reversed"])
def test_all_headers_together(mode, order):
    lang, std = mode
    names = HEADERS if order == "sorted" else list(reversed(HEADERS))
    source = "".join(f"#include <{h}>\n" for h in names)
    tu = _parse(source, lang, std)
    assert _errors(tu) == []


def test_each_header_has_include_guard():
    # Re-including every header twice must not produce redefinition errors.
    source = "".join(f"#include <{h}>\n#include <{h}>\n" for h in HEADERS)
    for lang, std in MODES:
        assert _errors(_parse(source, lang, std)) == []


# ---------------------------------------------------------------------------
# A realistic WSK client
# ---------------------------------------------------------------------------

WSK_CLIENT_SNIPPET = r"""
#include <ntddk.h>
#include <wsk.h>
#include <ntstrsafe.h>

#define WSKS_TAG 'kswS'

EXTERN_C DRIVER_INITIALIZE DriverEntry;
EXTERN_C DRIVER_UNLOAD DriverUnload;
EXTERN_C IO_COMPLETION_ROUTINE SyncIrpComplete;
EXTERN_C _Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH DispatchCreateClose;
EXTERN_C NTSTATUS OpenListener(VOID);

#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, DriverUnload)
#pragma alloc_text(PAGE, DispatchCreateClose)
#pragma alloc_text(PAGE, OpenListener)

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_ProviderNpi;
static KSPIN_LOCK g_Lock;
static LIST_ENTRY g_Connections;

static const WSK_CLIENT_DISPATCH g_ClientDispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags,
    PWSK_DATA_INDICATION DataIndication, SIZE_T BytesIndicated, SIZE_T *BytesAccepted);
static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags);
static NTSTATUS WSKAPI OnSendBacklog(PVOID SocketContext, SIZE_T IdealBacklogSize);

static const WSK_CLIENT_CONNECTION_DISPATCH g_ConnectionDispatch = {
    OnReceive,
    OnDisconnect,
    OnSendBacklog
};

typedef struct _CONNECTION {
    LIST_ENTRY Link;
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Done;
} CONNECTION, *PCONNECTION;

_Use_decl_annotations_
NTSTATUS SyncIrpComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags,
    PWSK_DATA_INDICATION DataIndication, SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PCONNECTION connection = (PCONNECTION)SocketContext;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    if ((Flags & WSK_FLAG_AT_DISPATCH_LEVEL) != 0 && BytesIndicated > 0) {
        ((PWSK_PROVIDER_CONNECTION_DISPATCH)connection->Socket->Dispatch)->WskRelease(
            connection->Socket, DataIndication);
    }
    return STATUS_DATA_NOT_ACCEPTED;
}

static NTSTATUS WSKAPI OnDisconnect(PVOID SocketContext, ULONG Flags)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    return STATUS_SUCCESS;
}

static NTSTATUS WSKAPI OnSendBacklog(PVOID SocketContext, SIZE_T IdealBacklogSize)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(IdealBacklogSize);
    return STATUS_SUCCESS;
}

static NTSTATUS SendSync(PWSK_SOCKET Socket, PVOID Data, ULONG Length)
{
    KEVENT event;
    PIRP irp;
    PMDL mdl;
    WSK_BUF buffer;
    NTSTATUS status;

    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    mdl = IoAllocateMdl(Data, Length, FALSE, FALSE, NULL);
    if (mdl == NULL) {
        IoFreeIrp(irp);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
        IoFreeMdl(mdl);
        IoFreeIrp(irp);
        return status;
    }
    buffer.Mdl = mdl;
    buffer.Offset = 0;
    buffer.Length = Length;

    KeInitializeEvent(&event, SynchronizationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncIrpComplete, &event, TRUE, TRUE, TRUE);
    status = ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskSend(
        Socket, &buffer, WSK_FLAG_NODELAY, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    MmUnlockPages(mdl);
    IoFreeMdl(mdl);
    IoFreeIrp(irp);
    return status;
}

static NTSTATUS CloseSocket(PWSK_SOCKET Socket)
{
    KEVENT event;
    NTSTATUS status;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncIrpComplete, &event, TRUE, TRUE, TRUE);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)Socket->Dispatch)->WskCloseSocket(Socket, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    IoFreeIrp(irp);
    return status;
}

NTSTATUS OpenListener(VOID)
{
    KEVENT event;
    PIRP irp;
    NTSTATUS status;
    PWSK_SOCKET socket = NULL;
    SOCKADDR_IN6 address;
    ULONG v6only = 0;
    ULONG exclusive = 1;
    WSK_EVENT_CALLBACK_CONTROL callbacks;

    PAGED_CODE();

    irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&event, NotificationEvent, FALSE);
    IoSetCompletionRoutine(irp, SyncIrpComplete, &event, TRUE, TRUE, TRUE);
    status = g_ProviderNpi.Dispatch->WskSocket(
        g_ProviderNpi.Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
        WSK_FLAG_LISTEN_SOCKET, NULL, NULL, NULL, NULL, NULL, irp);
    if (status == STATUS_PENDING) {
        KeWaitForSingleObject(&event, Executive, KernelMode, FALSE, NULL);
        status = irp->IoStatus.Status;
    }
    if (NT_SUCCESS(status)) {
        socket = (PWSK_SOCKET)irp->IoStatus.Information;
    }
    IoFreeIrp(irp);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = ((PWSK_PROVIDER_LISTEN_DISPATCH)socket->Dispatch)->Basic.WskControlSocket(
        socket, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6,
        sizeof(v6only), &v6only, 0, NULL, NULL, NULL);
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)socket->Dispatch)->WskControlSocket(
        socket, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET,
        sizeof(exclusive), &exclusive, 0, NULL, NULL, NULL);

    callbacks.NpiId = (PNPIID)&NPI_WSK_INTERFACE_ID;
    callbacks.EventMask = WSK_EVENT_ACCEPT;
    status = ((PWSK_PROVIDER_BASIC_DISPATCH)socket->Dispatch)->WskControlSocket(
        socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
        sizeof(callbacks), &callbacks, 0, NULL, NULL, NULL);

    RtlZeroMemory(&address, sizeof(address));
    IN6ADDR_SETANY(&address);
    address.sin6_port = RtlUshortByteSwap(4242);
    return CloseSocket(socket);
}

_Use_decl_annotations_
NTSTATUS DispatchCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack;
    UNREFERENCED_PARAMETER(DeviceObject);
    PAGED_CODE();
    stack = IoGetCurrentIrpStackLocation(Irp);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = stack->Parameters.DeviceIoControl.OutputBufferLength;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI clientNpi;
    NTSTATUS status;
    KIRQL oldIrql;
    PVOID block;
    CHAR text[32];
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\WskSample");

    UNREFERENCED_PARAMETER(RegistryPath);
    UNREFERENCED_PARAMETER(name);

    KeInitializeSpinLock(&g_Lock);
    InitializeListHead(&g_Connections);
    KeAcquireSpinLock(&g_Lock, &oldIrql);
    KeReleaseSpinLock(&g_Lock, oldIrql);

    block = ExAllocatePool2(POOL_FLAG_NON_PAGED, 128, WSKS_TAG);
    if (block != NULL) {
        ExFreePoolWithTag(block, WSKS_TAG);
    }
    status = RtlStringCbPrintfA(text, sizeof(text), "%d", 42);
    KdPrint(("wsk sample: %s\n", text));
    DbgPrintEx(DPFLTR_IHVNETWORK_ID, DPFLTR_INFO_LEVEL, "loading\n");

    clientNpi.ClientContext = NULL;
    clientNpi.Dispatch = &g_ClientDispatch;
    status = WskRegister(&clientNpi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WskCaptureProviderNPI(&g_Registration, WSK_INFINITE_WAIT, &g_ProviderNpi);
    if (!NT_SUCCESS(status)) {
        WskDeregister(&g_Registration);
        return status;
    }
    DriverObject->DriverUnload = DriverUnload;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchCreateClose;
    return STATUS_SUCCESS;
}
"""

# C only: designated initialisers and direct access to the basic functions
# through a category dispatch table (the C spelling the WDK allows).
WSK_C_ONLY_SNIPPET = r"""
#include <wdm.h>
#include <wsk.h>
NTSTATUS WSKAPI RecvFrom(PVOID SocketContext, ULONG Flags, PWSK_DATAGRAM_INDICATION Indication);
static const WSK_CLIENT_DATAGRAM_DISPATCH g_Datagram = { .WskReceiveFromEvent = RecvFrom };
NTSTATUS CloseDirect(PWSK_SOCKET Socket, PIRP Irp)
{
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch)->WskCloseSocket(Socket, Irp);
}
"""


def _walk_main_file(tu):
    for cursor in tu.cursor.walk_preorder():
        if cursor.location.file is not None and cursor.location.file.name.startswith("snippet."):
            yield cursor


@pytest.mark.parametrize("mode", MODES, ids=_mode_id)
def test_realistic_wsk_client_compiles(mode):
    lang, std = mode
    tu = _parse(WSK_CLIENT_SNIPPET, lang, std)
    assert _errors(tu) == []

    calls = {c.spelling for c in _walk_main_file(tu) if c.kind == ci.CursorKind.CALL_EXPR}
    for name in ("IoAllocateIrp", "IoSetCompletionRoutine", "KeWaitForSingleObject",
                 "WskRegister", "WskCaptureProviderNPI", "KeAcquireSpinLock",
                 "KeReleaseSpinLock", "ExAllocatePool2", "ExFreePoolWithTag",
                 "IoGetCurrentIrpStackLocation", "RtlZeroMemory", "DbgPrint"):
        assert name in calls, name

    members = [
        c for c in _walk_main_file(tu)
        if c.kind == ci.CursorKind.MEMBER_REF_EXPR and c.spelling.startswith("Wsk")
    ]
    member_names = {m.spelling for m in members}
    assert {"WskSend", "WskSocket", "WskCloseSocket", "WskControlSocket", "WskRelease"} <= member_names
    wsk_send = next(m for m in members if m.spelling == "WskSend")
    assert wsk_send.type.spelling == "PFN_WSK_SEND"

    init_lists = [c for c in _walk_main_file(tu) if c.kind == ci.CursorKind.INIT_LIST_EXPR]
    assert init_lists, "WSK_CLIENT_CONNECTION_DISPATCH initializer lost"


def test_c_only_wsk_spellings_compile():
    for std in (None, "c11"):
        assert _errors(_parse(WSK_C_ONLY_SNIPPET, "c", std)) == []


# ---------------------------------------------------------------------------
# Constant values
# ---------------------------------------------------------------------------

# (expression, expected value). Every value here was checked against
# documentation or a public source (see wsklint/frontend/include/README.md).
CONSTANTS = [
    # NTSTATUS
    ("STATUS_SUCCESS", 0x0),
    ("STATUS_PENDING", 0x103),
    ("STATUS_TIMEOUT", 0x102),
    ("STATUS_MORE_PROCESSING_REQUIRED", 0xC0000016),
    ("STATUS_INSUFFICIENT_RESOURCES", 0xC000009A),
    ("STATUS_INVALID_PARAMETER", 0xC000000D),
    ("STATUS_INVALID_PARAMETER_6", 0xC00000F4),
    ("STATUS_NOT_SUPPORTED", 0xC00000BB),
    ("STATUS_DEVICE_NOT_READY", 0xC00000A3),
    ("STATUS_IO_TIMEOUT", 0xC00000B5),
    ("STATUS_CANCELLED", 0xC0000120),
    ("STATUS_NOT_FOUND", 0xC0000225),
    ("STATUS_NOINTERFACE", 0xC00002B9),
    ("STATUS_REQUEST_NOT_ACCEPTED", 0xC00000D0),
    ("STATUS_DATA_NOT_ACCEPTED", 0xC000021B),
    ("STATUS_EVENT_PENDING", 0x40000013),
    ("STATUS_DEVICE_BUSY", 0x80000011),
    ("STATUS_RETRY", 0xC000022D),
    ("STATUS_INVALID_BUFFER_SIZE", 0xC0000206),
    ("STATUS_ADDRESS_ALREADY_EXISTS", 0xC000020A),
    ("STATUS_CONNECTION_DISCONNECTED", 0xC000020C),
    ("STATUS_CONNECTION_RESET", 0xC000020D),
    ("STATUS_CONNECTION_REFUSED", 0xC0000236),
    ("STATUS_GRACEFUL_DISCONNECT", 0xC0000237),
    ("STATUS_NETWORK_UNREACHABLE", 0xC000023C),
    ("STATUS_HOST_UNREACHABLE", 0xC000023D),
    ("STATUS_PORT_UNREACHABLE", 0xC000023F),
    ("STATUS_CONNECTION_ABORTED", 0xC0000241),
    ("STATUS_LOCAL_DISCONNECT", 0xC000013B),
    ("STATUS_REMOTE_DISCONNECT", 0xC000013C),
    ("STATUS_INVALID_ADDRESS", 0xC0000141),
    ("STATUS_INVALID_DEVICE_STATE", 0xC0000184),
    ("STATUS_DEVICE_REMOVED", 0xC00002B6),
    ("STATUS_BUFFER_OVERFLOW", 0x80000005),
    ("STATUS_INVALID_USER_BUFFER", 0xC00000E8),
    ("STATUS_DELETE_PENDING", 0xC0000056),
    # IRPs
    ("IRP_MJ_CREATE", 0x00),
    ("IRP_MJ_CLOSE", 0x02),
    ("IRP_MJ_DEVICE_CONTROL", 0x0E),
    ("IRP_MJ_INTERNAL_DEVICE_CONTROL", 0x0F),
    ("IRP_MJ_POWER", 0x16),
    ("SL_PENDING_RETURNED", 0x01),
    ("SL_INVOKE_ON_CANCEL", 0x20),
    ("SL_INVOKE_ON_SUCCESS", 0x40),
    ("SL_INVOKE_ON_ERROR", 0x80),
    # WSK
    ("WSK_FLAG_BASIC_SOCKET", 0x0),
    ("WSK_FLAG_LISTEN_SOCKET", 0x1),
    ("WSK_FLAG_CONNECTION_SOCKET", 0x2),
    ("WSK_FLAG_DATAGRAM_SOCKET", 0x4),
    ("WSK_FLAG_STREAM_SOCKET", 0x8),
    ("WSK_FLAG_AT_DISPATCH_LEVEL", 0x8),
    ("WSK_FLAG_RELEASE_ASAP", 0x2),
    ("WSK_FLAG_ENTIRE_MESSAGE", 0x4),
    ("WSK_FLAG_ABORTIVE", 0x1),
    ("WSK_FLAG_NODELAY", 0x2),
    ("WSK_FLAG_WAITALL", 0x2),
    ("WSK_FLAG_DRAIN", 0x4),
    ("WSK_EVENT_RECEIVE_FROM", 0x100),
    ("WSK_EVENT_ACCEPT", 0x200),
    ("WSK_EVENT_SEND_BACKLOG", 0x10),
    ("WSK_EVENT_RECEIVE", 0x40),
    ("WSK_EVENT_DISCONNECT", 0x80),
    ("WSK_EVENT_DISABLE", 0x80000000),
    ("WSK_NO_WAIT", 0),
    ("WSK_INFINITE_WAIT", 0xFFFFFFFF),
    ("SO_WSK_SECURITY", 0x4001),
    ("SO_WSK_EVENT_CALLBACK", 0x4002),
    ("WSK_CACHE_SD", 4),
    ("WSK_RELEASE_SD", 5),
    ("WSK_SET_STATIC_EVENT_CALLBACKS", 7),
    ("WSK_TDI_BEHAVIOR", 8),
    ("SIO_WSK_SET_REMOTE_ADDRESS", 0x8F000001),
    ("SIO_WSK_REGISTER_EXTENSION", 0xCF000002),
    ("SIO_WSK_QUERY_IDEAL_SEND_BACKLOG", 0x4F000003),
    ("SIO_WSK_QUERY_RECEIVE_BACKLOG", 0x4F000004),
    ("SIO_WSK_QUERY_INSPECT_ID", 0x4F000005),
    ("SIO_WSK_SET_SENDTO_ADDRESS", 0x8F000006),
    ("MAKE_WSK_VERSION(1, 0)", 0x100),
    # IRQL (x64)
    ("PASSIVE_LEVEL", 0),
    ("APC_LEVEL", 1),
    ("DISPATCH_LEVEL", 2),
    ("HIGH_LEVEL", 15),
    # Pool
    ("POOL_FLAG_USE_QUOTA", 0x1),
    ("POOL_FLAG_UNINITIALIZED", 0x2),
    ("POOL_FLAG_CACHE_ALIGNED", 0x8),
    ("POOL_FLAG_RAISE_ON_FAILURE", 0x20),
    ("POOL_FLAG_NON_PAGED", 0x40),
    ("POOL_FLAG_NON_PAGED_EXECUTE", 0x80),
    ("POOL_FLAG_PAGED", 0x100),
    ("POOL_FLAG_SPECIAL_POOL", 0x100000000),
    ("NonPagedPool", 0),
    ("PagedPool", 1),
    ("NonPagedPoolNx", 512),
    ("NonPagedPoolNxCacheAligned", 516),
    ("NonPagedPoolSession", 32),
    # Winsock
    ("AF_UNSPEC", 0),
    ("AF_INET", 2),
    ("AF_INET6", 23),
    ("SOCK_STREAM", 1),
    ("SOCK_DGRAM", 2),
    ("SOCK_RAW", 3),
    ("IPPROTO_TCP", 6),
    ("IPPROTO_UDP", 17),
    ("IPPROTO_IPV6", 41),
    ("SOL_SOCKET", 0xFFFF),
    ("SO_REUSEADDR", 0x4),
    ("SO_EXCLUSIVEADDRUSE", -5),
    ("IPV6_V6ONLY", 27),
    ("IP_ADD_MEMBERSHIP", 12),
    ("TCP_NODELAY", 1),
    ("WSK_SO_BASE", 0x4000),
    ("SIO_IDEAL_SEND_BACKLOG_QUERY", 0x4004747B),
    # DbgPrintEx
    ("DPFLTR_IHVDRIVER_ID", 77),
    ("DPFLTR_IHVNETWORK_ID", 80),
]


def _assertions(lang):
    lines = ["#include <ntddk.h>", "#include <wsk.h>"]
    keyword = "static_assert" if lang == "c++" else "_Static_assert"
    for i, (expr, value) in enumerate(CONSTANTS):
        if value < 0:
            check = f"(long long)({expr}) == {value}LL"
        else:
            # Compare the bit pattern, so negative NTSTATUS values match their hex form.
            check = f"(unsigned long long)(unsigned int)({expr}) == {value:#x}ULL" if value <= 0xFFFFFFFF \
                else f"(unsigned long long)({expr}) == {value:#x}ULL"
        lines.append(f'{keyword}({check}, "constant {i}: {expr}");')
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("mode", MODES, ids=_mode_id)
def test_constant_values(mode):
    lang, std = mode
    tu = _parse(_assertions(lang), lang, std)
    assert _errors(tu) == []


def test_constant_assertions_can_fail():
    # Guard against a vacuous test: a wrong value must be reported.
    source = '#include <wsk.h>\n_Static_assert(WSK_FLAG_CONNECTION_SOCKET == 3, "x");\n'
    assert _errors(_parse(source))


# ---------------------------------------------------------------------------
# Annotations
# ---------------------------------------------------------------------------

def _annotations(cursor):
    return [c.spelling for c in cursor.get_children() if c.kind == ci.CursorKind.ANNOTATE_ATTR]


def _find(tu, kind, name):
    for cursor in tu.cursor.walk_preorder():
        if cursor.kind == kind and cursor.spelling == name:
            return cursor
    raise AssertionError(f"{kind} {name} not found")


@pytest.mark.parametrize("lang", ["c", "c++"])
def test_irql_annotation_on_function(lang):
    tu = _parse("#include <wdm.h>\n_IRQL_requires_max_(DISPATCH_LEVEL) void F(void);\n", lang)
    assert _errors(tu) == []
    fn = _find(tu, ci.CursorKind.FUNCTION_DECL, "F")
    assert "wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)" in _annotations(fn)


@pytest.mark.parametrize("lang", ["c", "c++"])
def test_function_class_on_role_typedefs(lang):
    tu = _parse("#include <wsk.h>\n", lang)
    assert _errors(tu) == []
    expected = {
        "IO_COMPLETION_ROUTINE": ["wsklint:_Function_class_(IO_COMPLETION_ROUTINE)",
                                  "wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)"],
        "DRIVER_DISPATCH": ["wsklint:_Function_class_(DRIVER_DISPATCH)"],
        "DRIVER_INITIALIZE": ["wsklint:_IRQL_requires_(PASSIVE_LEVEL)"],
        "KDEFERRED_ROUTINE": ["wsklint:_IRQL_requires_(DISPATCH_LEVEL)"],
        "IO_WORKITEM_ROUTINE": ["wsklint:_Function_class_(IO_WORKITEM_ROUTINE)"],
        "PFN_WSK_SEND": ["wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)"],
        "PFN_WSK_GET_ADDRESS_INFO": ["wsklint:_IRQL_requires_max_(PASSIVE_LEVEL)"],
        "PFN_WSK_RECEIVE_EVENT": ["wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)"],
    }
    for name, strings in expected.items():
        anns = _annotations(_find(tu, ci.CursorKind.TYPEDEF_DECL, name))
        for s in strings:
            assert s in anns, (name, anns)


def test_irql_annotations_on_kernel_prototypes():
    tu = _parse("#include <wdm.h>\n#include <wsk.h>\n")
    expected = {
        "IoAllocateIrp": "wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)",
        "KeAcquireSpinLock": "wsklint:_IRQL_raises_(DISPATCH_LEVEL)",
        "KeReleaseSpinLock": "wsklint:_IRQL_requires_(DISPATCH_LEVEL)",
        "ExAcquireFastMutex": "wsklint:_IRQL_saves_global_(OldIrql, FastMutex)",
        "ZwClose": "wsklint:_IRQL_requires_max_(PASSIVE_LEVEL)",
        "WskRegister": "wsklint:_IRQL_requires_(PASSIVE_LEVEL)",
        "WskCaptureProviderNPI": "wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)",
    }
    for name, ann in expected.items():
        assert ann in _annotations(_find(tu, ci.CursorKind.FUNCTION_DECL, name)), name
    # Parameter-level annotation.
    acquire = _find(tu, ci.CursorKind.FUNCTION_DECL, "KeAcquireSpinLock")
    params = [c for c in acquire.get_children() if c.kind == ci.CursorKind.PARM_DECL]
    assert "wsklint:_IRQL_saves_" in _annotations(params[1])


@pytest.mark.parametrize("lang", ["c", "c++"])
def test_annotation_forms_in_user_code(lang):
    source = """
#include <wdm.h>
typedef _Function_class_(MY_CALLBACK) _IRQL_requires_max_(DISPATCH_LEVEL) NTSTATUS MY_CALLBACK(PVOID Context);
_IRQL_requires_(PASSIVE_LEVEL) _IRQL_requires_same_ VOID G(_In_ _IRQL_saves_ PKIRQL Irql);
__drv_maxIRQL(APC_LEVEL) __drv_savesIRQLGlobal(OldIrql, Lock) VOID H(VOID);
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH MyDeviceControl;
"""
    tu = _parse(source, lang)
    assert _errors(tu) == []
    cb = _annotations(_find(tu, ci.CursorKind.TYPEDEF_DECL, "MY_CALLBACK"))
    assert "wsklint:_Function_class_(MY_CALLBACK)" in cb
    assert "wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)" in cb
    g = _annotations(_find(tu, ci.CursorKind.FUNCTION_DECL, "G"))
    assert "wsklint:_IRQL_requires_(PASSIVE_LEVEL)" in g
    assert "wsklint:_IRQL_requires_same_" in g
    h = _annotations(_find(tu, ci.CursorKind.FUNCTION_DECL, "H"))
    assert "wsklint:__drv_maxIRQL(APC_LEVEL)" in h
    assert "wsklint:__drv_savesIRQLGlobal(OldIrql, Lock)" in h
    d = _annotations(_find(tu, ci.CursorKind.FUNCTION_DECL, "MyDeviceControl"))
    assert "wsklint:_Dispatch_type_(IRP_MJ_DEVICE_CONTROL)" in d


def test_annotations_survive_attribute_macro_override():
    # Some header sets #define __attribute__ away; our macros use __attribute.
    source = "#define __attribute__(x)\n#include <wdm.h>\n_IRQL_requires_max_(APC_LEVEL) void F(void);\n"
    tu = _parse(source)
    assert "wsklint:_IRQL_requires_max_(APC_LEVEL)" in _annotations(
        _find(tu, ci.CursorKind.FUNCTION_DECL, "F"))


def test_sal_macros_expand_to_nothing():
    source = """
#include <wdm.h>
_Must_inspect_result_ _Success_(return >= 0)
NTSTATUS F(_In_ PVOID a, _Out_ PULONG b, _Inout_opt_ PVOID c, _In_reads_bytes_(n) PVOID d, ULONG n,
           _Outptr_result_maybenull_ PVOID *e, _Out_writes_bytes_to_(n, *b) PVOID f,
           _When_(n > 0, _In_) _At_(a, __drv_aliasesMem) PVOID g, _Frees_ptr_opt_ PVOID h);
"""
    tu = _parse(source)
    assert _errors(tu) == []
    fn = _find(tu, ci.CursorKind.FUNCTION_DECL, "F")
    assert _annotations(fn) == []
    assert len([c for c in fn.get_children() if c.kind == ci.CursorKind.PARM_DECL]) == 9
