"""The front end on messy driver code: it never crashes, recovers calls, and says what it skipped."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from wsklint.frontend import Frontend, FrontendOptions
from wsklint.frontend.flags import sanitize

FRONTEND = Path(__file__).resolve().parent.parent / "corpus" / "_frontend"


@pytest.fixture(scope="module")
def fe():
    f = Frontend(FrontendOptions(jobs=-1, use_cache=False))
    yield f
    f.close()


def parse(fe, path):
    models, failures = fe.parse([str(path)])
    assert not failures, failures
    return models[os.path.abspath(path)]


def calls(model, fn_name=None):
    return [ev.expr.name for fn in model.functions if fn_name in (None, fn.name) for _, ev in fn.calls()]


def fn(model, name):
    return next(f for f in model.functions if f.name == name)


def test_sal_roles_and_sections(fe):
    m = parse(fe, FRONTEND / "sal_and_sections.c")
    assert fn(m, "SampleComplete").role_types == ["IO_COMPLETION_ROUTINE"]
    assert "DRIVER_UNLOAD" in fn(m, "SampleUnload").role_types
    assert "_IRQL_requires_max_(DISPATCH_LEVEL)" in fn(m, "QueueSend").annotations
    assert "_IRQL_requires_max_(PASSIVE_LEVEL)" in fn(m, "ConfigureFromRegistry").annotations
    assert fn(m, "SampleUnload").section == "PAGE"
    assert fn(m, "ConfigureFromRegistry").section == "PAGE"
    assert fn(m, "DriverEntry").section == "INIT"
    assert fn(m, "QueueSend").section == ""          # its alloc_text sits in an inactive #if 0
    assert fn(m, "PagedHelper").section == "PAGE"     # __declspec(code_seg("PAGE"))
    assert fn(m, "PagedHelper").paged_code is not None
    assert fn(m, "QueueSend").paged_code is None


def test_control_flow_macros_keep_calls_and_loops(fe):
    m = parse(fe, FRONTEND / "control_flow_macros.c")
    f = fn(m, "AllocateSlots")
    assert "AllocateSlot" in calls(m, "AllocateSlots") and "FreeSlot" in calls(m, "AllocateSlots")
    assert {lp.kind for lp in f.loops} == {"for", "do", "while"}
    # the goto in the macro reaches the Cleanup label
    assert any(label == "goto" for b in f.blocks for _, label in b.succs)


def test_seh_handlers_are_exception_edges(fe):
    m = parse(fe, FRONTEND / "seh_probe_and_lock.c")
    f = fn(m, "LockUserBuffer")
    assert "MmProbeAndLockPages" in calls(m, "LockUserBuffer")
    assert any(label == "exc" for b in f.blocks for _, label in b.succs)
    handler = [b for b in f.blocks if any(e.kind == "call" and e.expr.name == "IoFreeMdl" for e in b.events)]
    assert handler


def test_cpp_lambdas_templates_and_methods(fe):
    m = parse(fe, FRONTEND / "cpp_wrappers.cpp")
    assert m.language == "c++"
    names = {f.name for f in m.functions}
    assert "net::Socket::Send" in names and "net::RunSync" in names
    lambdas = [f for f in m.functions if "<lambda@" in f.name]
    assert len(lambdas) == 2
    assert {"WskSend", "WskCloseSocket"} <= set(calls(m))


def test_missing_project_header_keeps_wsk_calls(fe):
    m = parse(fe, FRONTEND / "missing_project_header.c")
    got = calls(m, "NetcoreSend")
    for want in ("WskSend", "IoSetCompletionRoutine", "IoReuseIrp", "KeWaitForSingleObject", "NetcoreTrace"):
        assert want in got, (want, got)
    send = next(ev.expr for f in m.functions for _, ev in f.calls() if ev.expr.name == "WskSend")
    assert [a.text for a in send.args] == ["Conn->Socket", "&sendCtx.WskBuf", "NETCORE_SEND_FLAGS", "Conn->SendIrp"]
    codes = {n.code for n in m.notes}
    assert "missing-header" in codes and "stubbed" in codes
    assert any("netcore_private.h" in n.message for n in m.notes)


def test_backslash_and_case_insensitive_include(fe):
    m = parse(fe, FRONTEND / "backslash_include" / "driver.c")
    assert not [n for n in m.notes if n.code in ("missing-header", "parse-error")], m.notes
    assert any(n.code == "include-mapped" for n in m.notes)


def test_bom_and_non_utf8_sources(fe):
    assert fn(parse(fe, FRONTEND / "utf8_bom.c"), "Twice")
    m = parse(fe, FRONTEND / "cp1252_comment.c")
    assert fn(m, "Thrice")
    assert any(n.code == "decode" for n in m.notes)


def test_wpp_generated_header_is_a_note(fe):
    m = parse(fe, FRONTEND / "wpp_tracing.c")
    assert "DoTraceMessage" in calls(m)
    assert any(n.code == "missing-header" and "generated" in n.message for n in m.notes)


def test_calls_through_cached_pointers_and_unions(fe):
    m = parse(fe, FRONTEND / "dispatch_union.c")
    send = [ev.expr for _, ev in fn(m, "EndpointSendTo").calls() if ev.expr.name == "SendTo"]
    assert send and send[0].op == "member" and send[0].ref == "ENDPOINT"   # a cached PFN_WSK_SEND_TO field
    close = [ev.expr for _, ev in fn(m, "EndpointClose").calls() if ev.expr.name == "WskCloseSocket"]
    assert close and close[0].op == "member"


def test_constants_keep_macro_names_and_values(fe, write_driver):
    path = write_driver("#include <ntddk.h>\n#include <wsk.h>\n"
                        "NTSTATUS F(PWSK_REGISTRATION r, PWSK_PROVIDER_NPI n) {\n"
                        "  return WskCaptureProviderNPI(r, WSK_INFINITE_WAIT, n);\n}\n")
    m = parse(fe, path)
    call = next(ev.expr for _, ev in fn(m, "F").calls())
    timeout = call.args[1]
    assert timeout.macro == "WSK_INFINITE_WAIT" and (timeout.value & 0xFFFFFFFF) == 0xFFFFFFFF


def test_large_file_parses(fe, tmp_path):
    body = ["#include <ntddk.h>", "#include <wsk.h>"]
    for i in range(880):
        body += [f"static NTSTATUS Helper{i}(PIRP Irp, PKEVENT Ev)", "{",
                 "    NTSTATUS st = STATUS_SUCCESS;", f"    if (Irp->IoStatus.Information > {i}) {{",
                 "        KeSetEvent(Ev, IO_NO_INCREMENT, FALSE);", "    }", "    return st;", "}"]
    p = tmp_path / "big.c"
    p.write_text("\n".join(body) + "\n")
    m = parse(fe, p)
    assert m.lines > 7000 and len(m.functions) == 880


def test_binary_and_empty_files_are_reported_not_fatal(fe, tmp_path):
    b = tmp_path / "blob.c"
    b.write_bytes(b"\x7fELF\x00\x00binary")
    e = tmp_path / "empty.c"
    e.write_text("")
    models, failures = fe.parse([str(b), str(e)])
    assert [f.kind for f in failures] == ["input"] and "binary" in failures[0].reason
    assert any(n.code == "empty" for n in models[str(e)].notes)


def test_dangerous_flags_are_dropped():
    fs = sanitize(["-I", "inc", "-DX=1", "-Xclang", "-load", "-Xclang", "evil.so", "-fplugin=evil.so",
                   "-fpass-plugin=p.so", "-O2", "/Iother", "/DY"], "/src")
    assert fs.args == ["-I", "/src/inc", "-DX=1", "-I/src/other", "-DY"]
    assert {"-fplugin=evil.so", "-fpass-plugin=p.so"} <= set(fs.dropped)
    assert any(d.startswith("-Xclang") for d in fs.dropped)


def test_worker_crash_and_hang_cost_one_file(tmp_path, monkeypatch):
    good = tmp_path / "good.c"
    good.write_text("int ok(void) { return 1; }\n")
    crash = tmp_path / "crashme.c"
    crash.write_text("int c(void) { return 2; }\n")
    hang = tmp_path / "hangme.c"
    hang.write_text("int h(void) { return 3; }\n")
    for inject, victim, kind in (("crash:crashme", crash, "crash"), ("hang:hangme", hang, "timeout")):
        monkeypatch.setenv("WSKLINT_FAULT_INJECT", inject)
        fe = Frontend(FrontendOptions(jobs=1, timeout=3, use_cache=False))
        try:
            models, failures = fe.parse([str(victim), str(good)])
        finally:
            fe.close()
        assert [f.kind for f in failures] == [kind]
        assert str(good) in models


def test_deeply_nested_expression_is_analysed_through_the_pool(tmp_path):
    # generated code: thousands of terms nest the expression (and the model) thousands deep
    src = tmp_path / "deep.c"
    src.write_text("int Sum(int a)\n{\n    return " + " + ".join(["a"] * 3000) + ";\n}\n")
    fe = Frontend(FrontendOptions(jobs=1, cache_dir=str(tmp_path / "cache")))
    try:
        models, failures = fe.parse([str(src)])
    finally:
        fe.close()
    assert not failures
    ret = models[str(src)].functions[0].blocks[2].events[-1]
    depth, e = 0, ret.expr
    while e.kind == "binop":
        depth, e = depth + 1, e.kids[0]
    assert ret.kind == "return" and depth == 2999


def test_cache_reuses_models_and_notices_changes(tmp_path):
    src = tmp_path / "c.c"
    src.write_text("int a(void) { return 1; }\n")
    opts = FrontendOptions(jobs=-1, cache_dir=str(tmp_path / "cache"))
    m1 = Frontend(opts).parse([str(src)])[0][str(src)]
    m2 = Frontend(opts).parse([str(src)])[0][str(src)]
    assert m2.functions[0].name == "a" and m1.total_seconds == m2.total_seconds   # the cached copy
    src.write_text("int b(void) { return 2; }\n")
    m3 = Frontend(opts).parse([str(src)])[0][str(src)]
    assert m3.functions[0].name == "b"


def test_provider_side_implementations_are_recognised(fe):
    from wsklint.program import Program
    m = parse(fe, FRONTEND / "provider_side.c")
    prog = Program([m])
    names = {prog.functions[k].name for k in prog.provider_functions}
    assert names == {"FakeControlSocket", "FakeCloseSocket", "FakeSend"}


def test_increments_are_writes_and_stubbed_role_typedefs_are_declarations(fe):
    m = parse(fe, FRONTEND / "control_flow_macros.c")
    writes = [(ev.target.path(), ev.op) for _, ev in fn(m, "AllocateSlots").events() if ev.kind == "assign"]
    assert ("i", "post++") in writes and ("Count", "post--") in writes
    wdf = parse(fe, FRONTEND.parent / "WSK013-deregister-order" / "good_wdf_unload_missing_headers.c")
    assert [(d.name, d.role_types) for d in wdf.decls if d.name == "EvtDriverUnload"] == \
        [("EvtDriverUnload", ["EVT_WDF_DRIVER_UNLOAD"])]
    assert fn(wdf, "EvtDriverUnload").role_types == ["EVT_WDF_DRIVER_UNLOAD"]
