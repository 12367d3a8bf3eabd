"""The language server end to end, driven by a real LSP client (pytest-lsp) over stdio."""
from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import uuid
from concurrent.futures import Future
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from corpus_support import CORPUS, parse_annotations

CASE = CORPUS / "WSK013-deregister-order" / "bad_npi_held_same_function.c"
CACHE = tempfile.mkdtemp(prefix="wsklint-lsp-cache-")
ENV = {**os.environ, "WSKLINT_CACHE_DIR": CACHE, "WSKLINT_FAULT_INJECT": "crash:crashme",
       "WSKLINT_LOG_LEVEL": os.environ.get("WSKLINT_LOG_LEVEL", "WARNING")}
CONVERTER = None
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "wsklint", "server"], server_env=ENV)


def _command_or_action(obj, _):
    # lsprotocol takes any object with a "command" key for a Command, so a CodeAction carrying a
    # command would lose its fields; a Command's "command" is a string, a CodeAction's an object.
    return types.Command(**obj) if isinstance(obj.get("command"), str) and "kind" not in obj else \
        CONVERTER.structure(obj, types.CodeAction)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path):
    global CONVERTER
    CONVERTER = lsp_client.protocol._converter
    CONVERTER.register_structure_hook(types.Command | types.CodeAction, _command_or_action)
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri(), initialization_options={"debounce": 0.05}))
    yield
    await lsp_client.shutdown_session()


def open_doc(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="c", version=version, text=path.read_text() if text is None else text)))
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, timeout: float = 60) -> list:
    """The next diagnostics published for `uri` after the last ones seen by this test."""
    seen = client.diagnostics.get(uri)
    deadline = asyncio.get_running_loop().time() + timeout
    # notifications can arrive in bursts, so a waiter registered per notification may miss one: watch
    # the client's record (a new list per publication) instead
    while client.diagnostics.get(uri) is seen:
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"no diagnostics published for {uri} within {timeout} s")
        await asyncio.sleep(0.02)
    return list(client.diagnostics[uri])


def send_raw(client: LanguageClient, message: dict):
    """Send a JSON-RPC message as it is, bypassing the client's typed (and validating) API."""
    client.protocol._send_data(message)


async def raw_request(client: LanguageClient, method: str, params):
    msg_id = f"raw-{uuid.uuid4()}"
    future = Future()
    client.protocol._request_futures[msg_id] = future
    client.protocol._result_types[msg_id] = None
    send_raw(client, {"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
    return await asyncio.wait_for(asyncio.wrap_future(future), 30)


def expected(path: Path, code: str):
    [exp] = [e for e in parse_annotations(path) if e.code == code and e.kind == "expect"]
    return exp


@pytest.mark.asyncio
async def test_diagnostic_on_open_then_cleared_by_the_fix(client: LanguageClient):
    text = CASE.read_text()
    uri = open_doc(client, CASE, text)
    diags = await diagnostics_for(client, uri)
    exp = expected(CASE, "WSK013")
    [d] = [d for d in diags if d.code == "WSK013"]
    line = text.splitlines()[exp.line - 1]
    assert d.range.start == types.Position(line=exp.line - 1, character=line.index("WskDeregister"))
    assert d.range.end == types.Position(line=exp.line - 1, character=line.index(";"))
    assert exp.text in d.message
    assert d.source == "wsklint" and d.severity == types.DiagnosticSeverity.Error
    assert d.code_description.href.endswith("/WSK013.md")
    # the proving path travels as related information, pointing back into the file
    assert d.related_information and all(r.location.uri == uri for r in d.related_information)
    assert any("captured" in r.message.lower() for r in d.related_information)

    # the fix: release the NPI before deregistering on that path (sent as an incremental edit)
    indent = line[:len(line) - len(line.lstrip())]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=exp.line - 1, character=0),
                              end=types.Position(line=exp.line - 1, character=0)),
            text=f"{indent}WskReleaseProviderNPI(&g_Registration);\n")]))
    diags = await diagnostics_for(client, uri)
    assert diags == []
    assert CASE.read_text() == text        # the buffer was analysed, not the file on disk
    # closed without saving: the squiggles describe the file on disk again
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert "WSK013" in [d.code for d in await diagnostics_for(client, uri)]


@pytest.mark.asyncio
async def test_code_actions_suppress_and_document(client: LanguageClient):
    uri = open_doc(client, CASE)
    diags = await diagnostics_for(client, uri)
    [d] = [d for d in diags if d.code == "WSK013"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    by_title = {a.title: a for a in actions}
    suppress = by_title["Suppress WSK013 on this line (wsklint: ignore)"]
    [edit] = suppress.edit.changes[uri]
    line = CASE.read_text().splitlines()[d.range.start.line]
    indent = line[:len(line) - len(line.lstrip())]
    assert edit.range.start == types.Position(line=d.range.start.line, character=0) == edit.range.end
    assert edit.new_text == f"{indent}// wsklint: ignore[WSK013] <reason>\n"
    # applied to the buffer (not saved), the comment suppresses the finding
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))
    codes = [x.code for x in await diagnostics_for(client, uri)]
    assert "WSK013" not in codes and "WSK015" in codes

    docs = by_title["Show documentation for WSK013"]
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=docs.command.command, arguments=docs.command.arguments))
    assert result == d.code_description.href
    assert [s.uri for s in client.shown_documents] == [d.code_description.href]


@pytest.mark.asyncio
async def test_rule_fix_becomes_a_workspace_edit(client: LanguageClient, tmp_path):
    """A diagnostic carrying a fix (as the renderer encodes Diagnostic.fixes) comes back as a quick
    fix with exactly that edit."""
    src = tmp_path / "fix.c"
    src.write_text("void f(void)\n{\n    g();\n}\n")
    uri = open_doc(client, src)
    await diagnostics_for(client, uri)
    change = {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 5}}, "newText": "h"}
    diag = types.Diagnostic(range=types.Range(start=types.Position(line=2, character=4),
                                              end=types.Position(line=2, character=7)),
                            message="m", code="WSK099", source="wsklint",
                            data={"fixes": [{"title": "Call h", "changes": {uri: [change]}}]})
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    [fix] = [a for a in actions if a.title == "Call h (WSK099)"]
    assert fix.is_preferred
    [edit] = fix.edit.changes[uri]
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (4, 5, "h")


@pytest.mark.asyncio
async def test_a_rules_own_fix_is_offered_and_applies(client: LanguageClient):
    """WSK033's mechanical fix (an abortive disconnect passes NULL as its Buffer) comes back as the
    preferred quick fix, and applying its edit leaves no WSK033 finding."""
    path = CORPUS / "WSK033-abortive-close" / "bad_abortive_with_buffer.c"
    uri = open_doc(client, path)
    diags = [d for d in await diagnostics_for(client, uri) if d.code == "WSK033"]
    [diag] = diags
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    [fix] = [a for a in actions if a.is_preferred]
    [edit] = fix.edit.changes[uri]
    assert edit.new_text == "NULL"
    lines = path.read_text().splitlines(keepends=True)
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = line[:edit.range.start.character] + "NULL" + line[edit.range.end.character:]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="".join(lines))]))
    assert not [d for d in await diagnostics_for(client, uri) if d.code == "WSK033"]


@pytest.mark.asyncio
async def test_driver_context_from_the_files_directory(client: LanguageClient, tmp_path):
    """The NPI is captured in one file and unload deregisters in another: only the driver as a whole
    shows the bug, and the squiggle lands in the file being edited."""
    (tmp_path / "init.c").write_text(
        "#include <ntddk.h>\n#include <wsk.h>\n"
        "WSK_REGISTRATION g_Registration;\nWSK_PROVIDER_NPI g_Provider;\n"
        "static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };\n"
        "DRIVER_UNLOAD DriverUnload;\n"
        "NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)\n{\n"
        "    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };\n    NTSTATUS status;\n"
        "    UNREFERENCED_PARAMETER(RegistryPath);\n"
        "    status = WskRegister(&npi, &g_Registration);\n"
        "    if (!NT_SUCCESS(status)) {\n        return status;\n    }\n"
        "    status = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &g_Provider);\n"
        "    if (!NT_SUCCESS(status)) {\n        WskDeregister(&g_Registration);\n        return status;\n    }\n"
        "    DriverObject->DriverUnload = DriverUnload;\n    return STATUS_SUCCESS;\n}\n")
    unload = tmp_path / "unload.c"
    fixed = ("#include <ntddk.h>\n#include <wsk.h>\nextern WSK_REGISTRATION g_Registration;\n"
             "VOID DriverUnload(PDRIVER_OBJECT DriverObject)\n{\n    UNREFERENCED_PARAMETER(DriverObject);\n"
             "    WskReleaseProviderNPI(&g_Registration);\n    WskDeregister(&g_Registration);\n}\n")
    unload.write_text(fixed)
    uri = open_doc(client, unload)
    assert await diagnostics_for(client, uri) == []
    buggy = fixed.replace("    WskReleaseProviderNPI(&g_Registration);\n", "")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=buggy)]))
    diags = await diagnostics_for(client, uri)
    assert [(d.code, d.range.start.line) for d in diags] == [("WSK013", buggy.splitlines().index(
        "    WskDeregister(&g_Registration);"))]
    assert any(r.location.uri == (tmp_path / "init.c").as_uri() for r in diags[0].related_information)


@pytest.mark.asyncio
async def test_malformed_requests_and_broken_files_leave_the_server_running(client: LanguageClient, tmp_path):
    with pytest.raises(JsonRpcException, match="Invalid Params"):
        await raw_request(client, types.TEXT_DOCUMENT_CODE_ACTION, {"textDocument": 5})
    with pytest.raises(JsonRpcException, match="Method Not Found"):
        await raw_request(client, "wsklint/noSuchMethod", {"x": 1})
    client.protocol.writer.write(b"Content-Length: 9\r\n\r\n{not json")
    send_raw(client, {"jsonrpc": "2.0", "method": types.TEXT_DOCUMENT_DID_OPEN, "params": {"textDocument": {"uri": 17}}})
    send_raw(client, {"jsonrpc": "2.0", "method": types.TEXT_DOCUMENT_DID_CHANGE, "params": {
        "textDocument": {"uri": "file:///nowhere.c", "version": 3}, "contentChanges": [{"text": "x"}]}})
    # a parser crash (injected for files named crashme) costs that file, not the server
    crash = tmp_path / "crashme.c"
    crash.write_text("int main(void) { return 0; }\n")
    uri = open_doc(client, crash)
    [d] = await diagnostics_for(client, uri)
    assert "could not analyse" in d.message and "crashed" in d.message
    # binary junk and unbalanced C
    junk = tmp_path / "junk.c"
    junk.write_bytes(b"\x7fELF\x00\x00\x01")
    uri = open_doc(client, junk, "\x7fELF\x00\x00\x01")
    [d] = await diagnostics_for(client, uri)
    assert "binary" in d.message
    broken = tmp_path / "broken.c"
    broken.write_text("void f( {\n  if (x\n")
    uri = open_doc(client, broken)
    assert await diagnostics_for(client, uri) == []
    # and the server still does its job
    uri = open_doc(client, CASE)
    assert "WSK013" in [d.code for d in await diagnostics_for(client, uri)]


@pytest.mark.asyncio
async def test_settings_select_ignore(client: LanguageClient):
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"wsklint": {"ignore": ["WSK013"]}}))
    uri = open_doc(client, CASE)
    codes = [d.code for d in await diagnostics_for(client, uri)]
    assert "WSK013" not in codes and "WSK015" in codes
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"wsklint": {"select": ["WSK013"]}}))
    codes = [d.code for d in await diagnostics_for(client, uri)]
    assert codes == ["WSK013"]
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"wsklint": {"select": ["WSK999"]}}))
    await client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
    assert "unknown rule selector 'WSK999'" in client.messages[-1].message


@pytest.mark.asyncio
async def test_settings_flags_config_and_wdk(client: LanguageClient, tmp_path):
    src = tmp_path / "drv.c"
    src.write_text(CASE.read_text().replace("        WskDeregister(&g_Registration); // expect: WSK013",
                                            "#ifdef PROBE_BUG\n        WskDeregister(&g_Registration);\n#endif\n"
                                            "        // WSK013"))
    uri = open_doc(client, src)
    assert "WSK013" not in [d.code for d in await diagnostics_for(client, uri)]
    # extra flags reach the parser
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"wsklint": {"flags": ["-DPROBE_BUG"]}}))
    assert "WSK013" in [d.code for d in await diagnostics_for(client, uri)]
    # an explicit configuration file
    conf = tmp_path / "elsewhere" / "wsklint.toml"
    conf.parent.mkdir()
    conf.write_text('ignore = ["WSK013"]\nflags = ["-DPROBE_BUG"]\n')
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"wsklint": {"config": str(conf)}}))
    assert [d.code for d in await diagnostics_for(client, uri)] == ["WSK015"]
    # a WDK path without a WDK is reported, not fatal
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"wsklint": {"wdk": str(tmp_path / "no-wdk")}}))
    await client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
    assert "no WDK headers" in client.messages[-1].message
