"""The socket typestate (analysis/sockets.py): origins, where sockets flow, operations through helpers,
the state before each operation, and address facts."""
from __future__ import annotations

import os

import pytest

from wsklint.frontend import Frontend, FrontendOptions
from wsklint.program import Program

DRIVER = r"""
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN { PWSK_SOCKET Socket; KEVENT Done; PIRP Irp; } CONN, *PCONN;

extern WSK_PROVIDER_NPI g_Npi;
extern const WSK_CLIENT_LISTEN_DISPATCH g_ListenDispatch;

static NTSTATUS Wait(PCONN c, NTSTATUS st)
{
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(&c->Done, Executive, KernelMode, FALSE, NULL);
        st = c->Irp->IoStatus.Status;
    }
    return st;
}

/* a KSOCKET-style wrapper: category from the caller, socket returned in the context */
static NTSTATUS MakeSocket(PCONN c, ULONG Flags)
{
    NTSTATUS st = g_Npi.Dispatch->WskSocket(g_Npi.Client, AF_INET6, SOCK_STREAM, IPPROTO_TCP, Flags, c,
                                            &g_ListenDispatch, NULL, NULL, NULL, c->Irp);
    st = Wait(c, st);
    if (NT_SUCCESS(st))
        c->Socket = (PWSK_SOCKET)c->Irp->IoStatus.Information;
    return st;
}

static NTSTATUS SetOpt(PCONN c, ULONG Level, ULONG Code, PVOID Value, SIZE_T Size)
{
    PWSK_PROVIDER_BASIC_DISPATCH d = (PWSK_PROVIDER_BASIC_DISPATCH)c->Socket->Dispatch;
    return Wait(c, d->WskControlSocket(c->Socket, WskSetOption, Code, Level, Size, Value, 0, NULL, NULL, c->Irp));
}

SOCKADDR_IN6 g_Any = { AF_INET6, 0x5000, 0, IN6ADDR_ANY_INIT, 0 };

NTSTATUS StartListener(PCONN c)
{
    ULONG off = 0;
    NTSTATUS st = MakeSocket(c, WSK_FLAG_LISTEN_SOCKET);
    if (!NT_SUCCESS(st))
        return st;
    st = SetOpt(c, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
    if (!NT_SUCCESS(st))
        return st;
    return Wait(c, ((PWSK_PROVIDER_LISTEN_DISPATCH)c->Socket->Dispatch)->WskBind(c->Socket, (PSOCKADDR)&g_Any, 0,
                                                                                c->Irp));
}
"""


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    path = tmp_path_factory.mktemp("sock") / "drv.c"
    path.write_text(DRIVER)
    fe = Frontend(FrontendOptions(jobs=-1, use_cache=False))
    models, failures = fe.parse([str(path)])
    fe.close()
    assert not failures
    return Program([models[os.path.abspath(path)]])


def test_origin_attributes_resolve_through_the_wrapper(program):
    (o,) = program.sockets.origins
    assert o.kind == "create" and o.fn.name == "MakeSocket"
    assert o.categories == {"listen"} and o.family == 23
    assert o.client_tables == {"WSK_CLIENT_LISTEN_DISPATCH"}
    assert ("F", "CONN", "Socket") in program.sockets.handles(o)


def test_ops_are_lifted_with_bound_arguments(program):
    sm = program.sockets
    start = program.functions["StartListener"]
    ops = sm.ops_in(start)
    names = [op.name for op in ops]
    assert names == ["WskSocket", "WskControlSocket", "WskBind"]
    ctl = ops[1]
    assert [f.name for f, _ in ctl.chain] == ["StartListener", "SetOpt"]
    assert sm.decode(ctl) == ("option", "IPV6_V6ONLY")
    assert ctl.arg("InputBuffer").fn is start          # bound to the caller's `&off`
    assert ctl.table == "WSK_PROVIDER_BASIC_DISPATCH"
    assert ops[2].table == "WSK_PROVIDER_LISTEN_DISPATCH"
    assert {o.fn.name for o in ops[2].origins} == {"MakeSocket"}


def test_state_before_each_operation(program):
    got = {(v.op.name, v.op.fn.name): v.state for v in program.sockets.visits}
    assert got[("WskControlSocket", "StartListener")] == {"created"}
    assert got[("WskBind", "StartListener")] == {"created", ("opt", "IPV6_V6ONLY", 0)}


def test_address_facts(program):
    sm = program.sockets
    bind = next(op for op in sm.ops_in(program.functions["StartListener"]) if op.name == "WskBind")
    (a,) = sm.addresses(bind.arg("LocalAddress"))
    assert (a.var, a.kind, a.family, a.port, a.wildcard) == ("g_Any", "in6", 23, 80, True)
