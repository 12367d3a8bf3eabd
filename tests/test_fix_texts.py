"""Mechanical fixes of WSK030 (the thread's process as OwningProcess) and WSK033 (NULL Buffer for an
abortive disconnect): applying them gives the intended call."""
from __future__ import annotations

from pathlib import Path

from test_socket_fixes import apply, only_fix

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_owning_process_fix_passes_the_current_process(run_files):
    path = CORPUS / "WSK030-owning-process" / "bad_thread_without_process.c"
    fixed = apply(path, only_fix(run_files([str(path)]), "WSK030"))
    assert "NS_ALL, NULL, NULL, Out, PsGetCurrentProcess(),\n" in fixed


def test_no_owning_process_fix_across_functions(run_files):
    # OwningProcess is NULL in the helper, the thread comes from its caller: no single-place edit
    path = CORPUS / "WSK030-owning-process" / "bad_name_info_helper.c"
    assert [d.fixes for d in run_files([str(path)]).diagnostics if d.code == "WSK030"] == [[]]


def test_abortive_disconnect_fix_passes_null(run_files):
    path = CORPUS / "WSK033-abortive-close" / "bad_abortive_with_buffer.c"
    fixed = apply(path, only_fix(run_files([str(path)]), "WSK033"))
    assert "return conn->WskDisconnect(Peer->Socket,\n                               NULL,  // expect" in fixed
