"""The IRP-flow graph and its API: summaries through helpers and lambdas, `synchronous`, the dump."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from wsklint.cli import main
from wsklint.frontend import Frontend, FrontendOptions
from wsklint.program import Program

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def fe():
    f = Frontend(FrontendOptions(jobs=-1, use_cache=False))
    yield f
    f.close()


def program(fe, *paths) -> Program:
    models, failures = fe.parse([str(p) for p in paths])
    assert not failures, failures
    return Program([models[os.path.abspath(p)] for p in paths])


def sync_by_function(prog):
    flow = prog.irpflow
    return {(fn.name, op.api): flow.synchronous(fn, op.ev)
            for fn in prog.functions.values() for op in flow.submissions(fn)}


def test_lambdas_passed_to_a_wrapper_template_are_synchronous(fe):
    prog = program(fe, CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "good_lambda_wrapper.cpp")
    got = {api: s for (name, api), s in sync_by_function(prog).items()}
    assert got == {"WskSocket": True, "WskBind": True, "WskCloseSocket": True}


def test_lambdas_in_one_macro_argument_get_distinct_keys(fe, tmp_path):
    src = tmp_path / "m.cpp"
    src.write_text("#define RUN(a, b) ((a)(0) + (b)(0))\n"
                   "int f() { return RUN([](int x) { return x + 1; },\n"
                   "                     [](int y) { return y + 2; }); }\n")
    prog = program(fe, src)
    lambdas = [f for f in prog.functions.values() if "<lambda@" in f.name]
    assert len(lambdas) == 2 and len({f.key for f in lambdas}) == 2


def test_context_helpers_and_waits(fe):
    prog = program(fe, CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "good_context_helpers.c")
    flow = prog.irpflow
    assert all(sync_by_function(prog).values())
    rearm = flow.summary(prog.by_name["AsyncRearm"][0])
    final = {a.final.phase for a in rearm.alts["Async->Irp"]}
    assert final == {"armed"}
    wait = flow.summary(prog.by_name["AsyncWait"][0])
    assert any(a.final.waits == {"&Async->Event"} and dict(a.cons) == {"*Status": {"pending"}}
               for a in wait.alts[None])


def test_asynchronous_submission_is_not_synchronous(fe):
    prog = program(fe, CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "good_free_in_completion.c")
    assert sync_by_function(prog) == {("TxStart", "WskSend"): False}


def test_completion_routine_summary(fe):
    prog = program(fe, CORPUS / "WSK001-driver-irp-completion-not-stopped" /
                   "good_status_through_macro_variable_helper.c")
    flow = prog.irpflow
    for name in ("SendDoneHelper", "ReceiveDoneVariable", "DisconnectDoneMacro"):
        r = flow.routine(prog.by_name[name][0].key)
        assert {v for _, v in r.returns} == {0xC0000016}, name
        assert not r.bad_returns()
    r = flow.routine(prog.by_name["ReceiveDoneVariable"][0].key)
    assert r.free_keys == {"Irp": "must"} and r.uses_context


def test_signal_only_when_pending_returned(fe):
    prog = program(fe, CORPUS / "WSK010-sync-wait-stale-or-abandoned" / "good_signal_only_when_pending.c")
    r = prog.irpflow.routine(prog.by_name["SignalIfPended"][0].key)
    assert r.signals == ("Context",) and r.pending_only


def test_dump_irpflow_text_and_dot():
    path = str(CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "bad_free_after_failure.c")
    text = CliRunner().invoke(main, ["dump-irpflow", path, "--function", "SendAsync"])
    assert text.exit_code == 0, text.output
    assert "submit irp to WskSend" in text.output and "incident free_owned" in text.output
    assert "completion routine SendComplete; frees Irp (must)" in text.output
    dot = CliRunner().invoke(main, ["dump-irpflow", path, "--format", "dot"])
    assert dot.exit_code == 0 and dot.output.startswith('digraph "SendComplete"')
    assert '[style=dashed, label="arms"]' in dot.output
    bad = CliRunner().invoke(main, ["dump-irpflow", path, "--function", "Nope"])
    assert bad.exit_code == 2


def test_status_by_value_relay(fe):
    prog = program(fe, CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "good_sync_wrapper_status_by_value.c")
    assert prog.irpflow.summary(prog.by_name["WaitForIrp"][0]).relay == (1, True)
    assert all(sync_by_function(prog).values())
    prog = program(fe, CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "bad_status_by_value_not_waited.c")
    assert prog.irpflow.summary(prog.by_name["TraceStatus"][0]).relay == (0, False)


def test_routine_frees_under_pending_returned_or_a_context_field(fe):
    prog = program(fe, CORPUS / "WSK004-buffer-released-before-completion" / "good_routine_frees_only_when_pending.c")
    r = prog.irpflow.routine(prog.by_name["BindingCloseDone"][0].key)
    assert r.frees_context == "may" and r.frees_pending_only
    case = CORPUS / "WSK002-irp-freed-while-owned-by-wsk" / "bad_conditional_owner"
    prog = program(fe, case / "context.c", case / "send.c")
    flow = prog.irpflow
    r = flow.routine(prog.by_name["ReqComplete"][0].key)
    assert r.free_guard == "Context->Async" and not r.frees_pending_only
    alloc = prog.by_name["ReqAlloc"][0]
    assert flow.returned_local(alloc) == "req" and flow.ret_fields(alloc) == {"Async": 0}
    assert {a.final.phase for a in flow.summary(alloc).alts["^req->Irp"]} == {"armed"}


def test_completion_routine_starts_with_its_irp_completed(fe):
    prog = program(fe, CORPUS / "WSK003-irp-origin-misuse" / "bad_routine_resubmits_without_reuse.c")
    assert prog.irpflow.completed_irps[prog.by_name["StreamRxDone"][0].key] == {"Irp", "Context->Irp"}


def test_untimed_waits_for_requests(fe):
    prog = program(fe, CORPUS / "WSK010-sync-wait-stale-or-abandoned" / "good_bounded_wait_in_cleanup.c")
    assert not prog.irpflow.untimed_waits()
    prog = program(fe, CORPUS / "WSK010-sync-wait-stale-or-abandoned" / "bad_untimed_wait_in_cleanup.c")
    waits = list(prog.irpflow.untimed_waits().values())
    assert [(fn.name, apis) for fn, _, apis, _ in waits] == [("SessionCloseSocket", {"WskCloseSocket"})]


def test_summaries_through_a_call_chain_hundreds_deep(run_files, write_driver):
    # each helper's summary needs its callee's first: the recursion follows the chain
    n = 600
    src = ["#include <ntddk.h>", ""] + [f"static VOID Release{i}(PIRP Irp);" for i in range(n + 1)]
    src += ["VOID Entry(void)", "{", "    PIRP irp = IoAllocateIrp(1, FALSE);", "    if (irp == NULL) {",
            "        return;", "    }", "    Release0(irp);", "    IoFreeIrp(irp);", "}"]
    for i in range(n):
        src += [f"static VOID Release{i}(PIRP Irp)", "{", f"    Release{i + 1}(Irp);", "}"]
    src += [f"static VOID Release{n}(PIRP Irp)", "{", "    IoFreeIrp(Irp);", "}"]
    res = run_files([write_driver("\n".join(src) + "\n")])
    assert not [x for x in res.notifications if x.code == "rule-error"]
    assert [(d.code, d.loc.line, d.message) for d in res.diagnostics] == [("WSK002", 611, "IRP 'irp' is freed twice")]


def test_teardown_of_many_conditional_releases_stays_linear(fe, tmp_path):
    # each Stop may or may not free its connection: without merging, StopAll's paths are every subset
    n = 40
    src = ["#include <ntddk.h>", ""]
    for i in range(n):
        src += [f"static PVOID g_Conn{i};", f"static VOID Stop{i}(VOID)", "{", f"    if (g_Conn{i} != NULL) {{",
                f"        ExFreePoolWithTag(g_Conn{i}, 'nnoC');", f"        g_Conn{i} = NULL;", "    }", "}"]
    src += ["VOID StopAll(VOID)", "{"] + [f"    Stop{i}();" for i in range(n)] + ["}"]
    path = tmp_path / "teardown.c"
    path.write_text("\n".join(src) + "\n")
    prog = program(fe, path)
    import wsklint.analysis.paths as paths
    visits = []
    run = paths.Walk.run

    def counting(self, *a, **k):
        try:
            return run(self, *a, **k)
        finally:
            visits.append(self.visits)
    paths.Walk.run = counting
    try:
        alts = prog.irpflow.summary(prog.by_name["StopAll"][0]).alts[None]
    finally:
        paths.Walk.run = run
    assert max(visits) < 1000
    released = set().union(*(a.final.releases for a in alts))
    assert {("pool_free", f"g_Conn{i}") for i in range(n)} <= released
