"""The call graph and the IRQL facts that rules build on (`Program.callgraph`, `Program.irql`)."""
from __future__ import annotations

import pytest

from test_cli import wsklint
from wsklint.frontend import Frontend, FrontendOptions
from wsklint.knowledge.irql import APC, DISPATCH, PASSIVE
from wsklint.graphs.irql import Irql
from wsklint.program import Program


@pytest.fixture(scope="module")
def fe():
    f = Frontend(FrontendOptions(jobs=-1, use_cache=False))
    yield f
    f.close()


@pytest.fixture
def program(fe, tmp_path):
    def build(source: str) -> Program:
        path = tmp_path / "drv.c"
        path.write_text("#include <ntddk.h>\n#include <wsk.h>\n" + source)
        models, failures = fe.parse([str(path)])
        assert not failures
        return Program(list(models.values()))
    return build


POINTERS = """
typedef VOID (*HANDLER)(PVOID);
typedef struct _OPS { HANDLER OnData; HANDLER OnClose; } OPS;
typedef struct _CONN { HANDLER Next; } CONN, *PCONN;
static VOID A(PVOID p) { UNREFERENCED_PARAMETER(p); }
static VOID B(PVOID p) { UNREFERENCED_PARAMETER(p); }
static VOID C(PVOID p) { UNREFERENCED_PARAMETER(p); }
static VOID D(PVOID p) { UNREFERENCED_PARAMETER(p); }
static VOID E(PVOID p) { UNREFERENCED_PARAMETER(p); }
static HANDLER g_Handler = A;
static const OPS g_Ops = { .OnData = B, .OnClose = NULL };
static VOID Queue(PCONN c, HANDLER h) { c->Next = h; }
VOID Run(PCONN c)
{
    HANDLER local = E;
    g_Handler(c);
    g_Ops.OnData(c);
    c->Next(c);
    local(c);
}
VOID Setup(PCONN c) { Queue(c, C); Queue(c, D); }
"""


def _callees(program, name, kinds=("call", "pointer")):
    fn = program.by_name[name][0]
    return sorted({f.name for f, _ in program.callgraph.callees(fn.key, kinds)})


def test_function_pointers_through_globals_tables_fields_parameters_and_locals(program):
    p = program(POINTERS)
    assert _callees(p, "Run") == ["A", "B", "C", "D", "E"]
    assert _callees(p, "Setup") == ["Queue"]
    run = p.by_name["Run"][0]
    sites = [s for _, s in p.callgraph.callees(run.key)]
    assert {s.kind for s in sites} == {"pointer"}


REGISTRATIONS = """
typedef WSK_CLIENT_CONNECTION_DISPATCH EVENTS;
static NTSTATUS WSKAPI OnRecv(PVOID c, ULONG f, PWSK_DATA_INDICATION d, SIZE_T n, SIZE_T *a)
{ UNREFERENCED_PARAMETER(c); UNREFERENCED_PARAMETER(f); UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(n);
  UNREFERENCED_PARAMETER(a); return STATUS_SUCCESS; }
static const EVENTS g_Events = { OnRecv, NULL, NULL };
IO_COMPLETION_ROUTINE Done;
NTSTATUS Done(PDEVICE_OBJECT d, PIRP i, PVOID c) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(i);
  UNREFERENCED_PARAMETER(c); return STATUS_MORE_PROCESSING_REQUIRED; }
static VOID Worker(PDEVICE_OBJECT d, PVOID c) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(c); }
static VOID Tick(PKDPC d, PVOID c, PVOID a, PVOID b) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(c);
  UNREFERENCED_PARAMETER(a); UNREFERENCED_PARAMETER(b); }
static KDPC g_Dpc; static KTIMER g_Timer; static PIO_WORKITEM g_Item;
NTSTATUS Start(PWSK_PROVIDER_NPI prov, PIRP irp)
{
    LARGE_INTEGER due; due.QuadPart = -1;
    IoSetCompletionRoutine(irp, Done, NULL, TRUE, TRUE, TRUE);
    IoQueueWorkItem(g_Item, Worker, DelayedWorkQueue, NULL);
    KeInitializeDpc(&g_Dpc, Tick, NULL);
    KeSetTimer(&g_Timer, due, &g_Dpc);
    return prov->Dispatch->WskSocket(prov->Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET,
                                     NULL, &g_Events, NULL, NULL, NULL, irp);
}
"""


def test_registration_edges_roles_and_contexts(program):
    p = program(REGISTRATIONS)
    start = p.by_name["Start"][0]
    regs = {(f.name, s.role) for f, s in p.callgraph.callees(start.key, ("registers",))}
    assert regs == {("Done", "completion"), ("Worker", "work_item"), ("Tick", "dpc"), ("Tick", "timer"),
                    ("OnRecv", "event:WskReceiveEvent")}
    # the table's type shows only through the WskSocket flags: the role says where it was handed over
    role = p.roles[p.by_name["OnRecv"][0].key][0]
    assert "passed on by WskSocket" in role.via
    assert not list(p.callgraph.callees(start.key))       # registrations are not calls
    tick = p.by_name["Tick"][0]
    assert p.callgraph.contexts[tick.key] == {tick.key}


IRQL = """
typedef struct _S { KSPIN_LOCK Lock; HANDLE File; FAST_MUTEX Mutex; } S, *PS;
static VOID Leaf(PS s) { ZwClose(s->File); }
static VOID Locked(PS s) { KIRQL old; KeAcquireSpinLock(&s->Lock, &old); Leaf(s); KeReleaseSpinLock(&s->Lock, old);
                           ExAcquireFastMutex(&s->Mutex); ExReleaseFastMutex(&s->Mutex); }
static VOID Guarded(PS s) { if (KeGetCurrentIrql() == PASSIVE_LEVEL) { ZwClose(s->File); } }
static NTSTATUS WSKAPI OnDisc(PVOID c, ULONG f) { if (f & WSK_FLAG_AT_DISPATCH_LEVEL) { Guarded((PS)c); }
                                                 else { Guarded((PS)c); } return STATUS_SUCCESS; }
const WSK_CLIENT_CONNECTION_DISPATCH g_D = { NULL, OnDisc, NULL };
KSTART_ROUTINE Thread;
VOID Thread(PVOID c) { Locked((PS)c); }
"""


def test_irql_entries_regions_and_narrowing(program):
    p = program(IRQL)
    facts = p.irql
    by = {f.name: f for f in p.functions.values()}
    assert facts.entry(by["Thread"].key) == Irql(PASSIVE, PASSIVE)
    assert facts.entry(by["OnDisc"].key) == Irql(PASSIVE, DISPATCH)
    assert facts.entry(by["Leaf"].key) == Irql(DISPATCH, DISPATCH)        # only called inside the spin lock
    states = {ev.expr.name: st for _, ev, st in facts.states(by["Locked"]) if ev.kind == "call"}
    assert (states["Leaf"].lo, states["Leaf"].hi) == (DISPATCH, DISPATCH)
    assert states["Leaf"].raised is not None and states["Leaf"].raised_by == "KeAcquireSpinLock"
    assert states["ExReleaseFastMutex"].hi == APC and states["ExAcquireFastMutex"].hi == PASSIVE
    guarded = [st for _, ev, st in facts.states(by["Guarded"]) if ev.kind == "call" and ev.expr.name == "ZwClose"]
    assert [(st.lo, st.hi) for st in guarded] == [(PASSIVE, PASSIVE)]
    disc = [st for _, ev, st in facts.states(by["OnDisc"]) if ev.kind == "call"]
    assert sorted((st.lo, st.hi, st.flag_clear is not None) for st in disc) == \
        [(PASSIVE, DISPATCH, True), (DISPATCH, DISPATCH, False)]
    assert facts.path(by["Leaf"], None) == "Locked (IRQL raised by KeAcquireSpinLock at drv.c:6) -> Leaf"


def test_limits_with_argument_conditions(program):
    p = program("""
VOID F(PKEVENT e, PVOID *o)
{
    LARGE_INTEGER zero; zero.QuadPart = 0;
    KeWaitForSingleObject(e, Executive, KernelMode, FALSE, &zero);
    KeWaitForSingleObject(e, Executive, KernelMode, FALSE, NULL);
    *o = ExAllocatePool2(POOL_FLAG_PAGED, 8, 'x');
    *o = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'x');
    KeSetEvent(e, 0, TRUE);
    KeSetEvent(e, 0, FALSE);
    ZwYieldExecution();
}
""")
    fn = p.by_name["F"][0]
    got = [(ev.expr.name, p.irql.limit(ev.expr, fn)) for _, ev in fn.calls()]
    levels = [(n, lim.level if lim else None) for n, lim in got]
    assert levels == [("KeWaitForSingleObject", DISPATCH), ("KeWaitForSingleObject", APC),
                      ("ExAllocatePool2", APC), ("ExAllocatePool2", DISPATCH), ("KeSetEvent", APC),
                      ("KeSetEvent", DISPATCH), ("ZwYieldExecution", PASSIVE)]


def test_callgraph_command(tmp_path):
    src = tmp_path / "drv.c"
    src.write_text("#include <ntddk.h>\n#include <wsk.h>\n" + REGISTRATIONS)
    r = wsklint("callgraph", str(src), "--no-cache", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "OnRecv  drv.c:" in r.stdout and "IRQL PASSIVE..DISPATCH [event:WskReceiveEvent]" in r.stdout
    assert "-> Done (registers completion)" in r.stdout
    r = wsklint("callgraph", str(src), "-f", "dot", "--no-cache", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("digraph callgraph {")
    assert 'style=dotted, label="event:WskReceiveEvent"' in r.stdout


def test_table_handed_out_by_the_accept_callback(program):
    p = program("""
typedef WSK_CLIENT_CONNECTION_DISPATCH PEER_EVENTS;
static NTSTATUS WSKAPI PeerGone(PVOID c, ULONG f) { UNREFERENCED_PARAMETER(c); UNREFERENCED_PARAMETER(f);
                                                     return STATUS_SUCCESS; }
static const PEER_EVENTS g_PeerEvents = { NULL, PeerGone, NULL };
static NTSTATUS WSKAPI OnAccept(PVOID c, ULONG f, PSOCKADDR l, PSOCKADDR r, PWSK_SOCKET s, PVOID *ctx,
                                const WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch)
{
    UNREFERENCED_PARAMETER(f); UNREFERENCED_PARAMETER(l); UNREFERENCED_PARAMETER(r);
    if (s == NULL) { return STATUS_REQUEST_NOT_ACCEPTED; }
    *ctx = c;
    *AcceptSocketDispatch = &g_PeerEvents;
    return STATUS_SUCCESS;
}
const WSK_CLIENT_LISTEN_DISPATCH g_Listen = { OnAccept, NULL, NULL };
""")
    gone = p.by_name["PeerGone"][0]
    assert [(r.kind, r.via.split(" at ")[0]) for r in p.roles[gone.key]] == \
        [("event:WskDisconnectEvent", "WSK_CLIENT_CONNECTION_DISPATCH passed on by *AcceptSocketDispatch")]
    accept = p.by_name["OnAccept"][0]
    assert [(f.name, s.role) for f, s in p.callgraph.callees(accept.key, ("registers",))] == \
        [("PeerGone", "event:WskDisconnectEvent")]
