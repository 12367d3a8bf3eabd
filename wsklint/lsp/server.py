"""`wsklint server`: diagnostics and code actions over the Language Server Protocol (pygls, stdio).

Documents are checked on open and save, after a pause in typing, and on close (against the file on
disk again). Checks run one at a time from a worker thread in the analysis process (worker.py), so a
libclang crash costs one check, not the server; a check whose document changed meanwhile is dropped,
the newer one follows.
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import traceback
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from lsprotocol.converters import get_converter
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..output.lsp import SOURCE
from .analyzer import Analyzer, ClientSettings
from .worker import AnalysisProcess

log = logging.getLogger("wsklint.lsp")

DEBOUNCE_SECONDS = 0.15
SUPPRESS_TEMPLATE = "{indent}// wsklint: ignore[{code}] <reason>\n"
SHOW_DOCS = "wsklint.showRuleDocumentation"
_CONVERTER = get_converter()


class _Protocol(LanguageServerProtocol):
    """Answers a request whose parameters do not fit the protocol with an error response (pygls
    would log it and leave the client waiting forever), and drops such notifications."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as e:
            method = data.get("method") if isinstance(data, dict) else None
            msg_id = data.get("id") if isinstance(data, dict) else None
            log.warning("malformed %s %r: %s", "request" if msg_id is not None else "message", method, e)
            if method and isinstance(msg_id, (int, str)):
                err = e.to_response_error()
                err.message = f"{err.message}: malformed parameters for {method}"
                self._send_response(msg_id, None, err)
            return JsonRPCNotification(method="$/wsklint/malformed", params=None, jsonrpc="2.0")


class WsklintServer(LanguageServer):
    def __init__(self):
        super().__init__("wsklint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.client = ClientSettings()
        self.files_changed = False
        self.analysis = AnalysisProcess()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wsklint-check")
        self.debounce = DEBOUNCE_SECONDS
        self.timers: dict = {}              # uri -> asyncio.TimerHandle of a pending check
        self.published: dict = {}           # path -> uri of files that currently show diagnostics
        self.uris: dict = {}                # path -> the uri the client uses for it
        self.reported_errors: set = set()   # configuration errors already shown to the user

    def report_server_error(self, error: Exception, source):
        # pygls would pop up a message for every bad notification; the log is enough
        self.log(f"error handling a message: {type(error).__name__}: {error}", types.MessageType.Warning)

    # -- helpers -----------------------------------------------------------------------------------
    def log(self, msg: str, level=types.MessageType.Log):
        log.info(msg)
        try:
            self.window_log_message(types.LogMessageParams(type=level, message=msg))
        except Exception:       # the client may be gone; logging must never raise
            pass

    def uri_of(self, path: str) -> str:
        return self.uris.get(path) or from_fs_path(path) or path

    def open_texts(self) -> dict:
        out = {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = to_fs_path(uri)
            if path:
                out[os.path.abspath(path)] = doc.source
        return out

    def apply_settings(self, raw):
        """New settings take effect after the checks already queued (they share the worker thread)."""
        if isinstance(raw, dict) and isinstance(raw.get("wsklint"), dict):
            raw = raw["wsklint"]
        self.client = ClientSettings.from_dict(raw)
        self.reported_errors.clear()
        self.log(f"settings: {self.client}")

    # -- checking ----------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float):
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.check(uri)))

    async def check(self, uri: str):
        self.timers.pop(uri, None)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if not path or not Analyzer.handles(path):
            return
        path = os.path.abspath(path)
        self.uris[path] = uri
        doc = self.workspace.text_documents.get(uri)
        version = doc.version if doc is not None else None
        texts = self.open_texts()
        loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(self.executor, self._check_in_thread, uri, version, path, texts)
        except Exception as e:      # a bug in a check must cost that check, not the server
            self.log(f"check of {path} failed: {type(e).__name__}: {e}\n{traceback.format_exc()}",
                     types.MessageType.Error)
            return
        if outcome is None:
            return
        if "config_error" in outcome:
            msg = outcome["config_error"]
            if msg not in self.reported_errors:
                self.reported_errors.add(msg)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                 message=f"wsklint: {msg}"))
            self.log(f"configuration error: {msg}", types.MessageType.Error)
            return
        if "error" in outcome:
            self.log(f"check of {path} failed: {outcome['error']}", types.MessageType.Error)
            return
        self.publish(uri, version, path, outcome["unit"], outcome["diags"])
        self.log(f"checked {os.path.basename(path)} (v{version}) with {len(outcome['unit'])} file(s) of its driver, "
                 f"{outcome['parsed']} parsed: {sum(len(v) for v in outcome['diags'].values())} diagnostic(s) in "
                 f"{outcome['seconds']:.3f} s")

    def _check_in_thread(self, uri, version, path, texts):
        doc = self.workspace.text_documents.get(uri)
        if doc is not None and doc.version != version:
            return None             # edited again meanwhile: the check scheduled for that edit follows
        changed, self.files_changed = self.files_changed, False
        outcome = self.analysis.check(path, texts, dict(self.uris), self.client, changed)
        doc = self.workspace.text_documents.get(uri)
        if doc is not None and doc.version != version and not outcome.get("lost"):
            return None
        return outcome

    def publish(self, uri, version, path, unit, diags: dict):
        for f in set(unit) | {path}:
            items = diags.get(f, [])
            if not items and f not in self.published and f != path:
                continue
            target = uri if f == path else self.uri_of(f)
            params = {"uri": target, "diagnostics": items}
            if f == path and version is not None:
                params["version"] = version
            self.text_document_publish_diagnostics(_CONVERTER.structure(params, types.PublishDiagnosticsParams))
            if items:
                self.published[f] = target
            else:
                self.published.pop(f, None)

    def recheck_open(self):
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


server = WsklintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: WsklintServer, params: types.InitializeParams):
    opts = params.initialization_options or {}
    if isinstance(opts, dict):
        if "debounce" in opts and isinstance(opts["debounce"], (int, float)) and opts["debounce"] >= 0:
            ls.debounce = float(opts["debounce"])
        ls.apply_settings(opts.get("settings", opts))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: WsklintServer, params: types.DidOpenTextDocumentParams):
    await ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: WsklintServer, params: types.DidChangeTextDocumentParams):
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: WsklintServer, params: types.DidSaveTextDocumentParams):
    ls.files_changed = True
    await ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: WsklintServer, params: types.DidCloseTextDocumentParams):
    # unsaved edits are gone: what is shown must describe the file on disk again
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: WsklintServer, params: types.DidChangeConfigurationParams):
    ls.apply_settings(params.settings)
    ls.recheck_open()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: WsklintServer, params: types.DidChangeWatchedFilesParams):
    ls.files_changed = True


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: WsklintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    doc = ls.workspace.get_text_document(uri)
    lines = doc.lines
    actions = []
    for diag in params.context.diagnostics:
        if diag.source != SOURCE or not isinstance(diag.code, str) or not _CODE.match(diag.code):
            continue
        data = diag.data if isinstance(diag.data, dict) else {}
        for fix in data.get("fixes") or []:
            try:
                edit = _CONVERTER.structure({"changes": fix["changes"]}, types.WorkspaceEdit)
            except Exception:
                continue        # a client sent back something else in `data`: offer no fix rather than fail
            actions.append(types.CodeAction(title=f"{fix.get('title') or 'Apply fix'} ({diag.code})",
                                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag], edit=edit,
                                            is_preferred=True))
        line = diag.range.start.line
        text = lines[line] if line < len(lines) else ""
        indent = text[:len(text) - len(text.lstrip())]
        insert = types.TextEdit(range=types.Range(start=types.Position(line=line, character=0),
                                                  end=types.Position(line=line, character=0)),
                                new_text=SUPPRESS_TEMPLATE.format(indent=indent, code=diag.code))
        actions.append(types.CodeAction(title=f"Suppress {diag.code} on this line (wsklint: ignore)",
                                        kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                        edit=types.WorkspaceEdit(changes={uri: [insert]})))
        href = diag.code_description.href if diag.code_description else data.get("docs")
        if href:
            actions.append(types.CodeAction(title=f"Show documentation for {diag.code}",
                                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                            command=types.Command(title=f"Show documentation for {diag.code}",
                                                                  command=SHOW_DOCS, arguments=[diag.code, href])))
    return actions


_CODE = re.compile(r"^WSK\d{3}$")


@server.command(SHOW_DOCS)
async def show_rule_documentation(ls: WsklintServer, code=None, href=None, *rest):
    """Open a rule's page (arguments: the code and its page, as the code action carries them)."""
    if not isinstance(href, str) or not href.startswith(("https://", "http://", "file://")):
        ls.log(f"{SHOW_DOCS}: no documentation address for {code!r}", types.MessageType.Warning)
        return None
    window = ls.client_capabilities.window
    if window is not None and window.show_document is not None and window.show_document.support:
        await ls.window_show_document_async(types.ShowDocumentParams(uri=href, external=True))
    else:
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info,
                                                       message=f"{code}: {href}"))
    return href


@server.feature(types.SHUTDOWN)
def shutdown(ls: WsklintServer, params):
    ls.analysis.close(kill=True)      # a check still running sees the process gone and ends


def main():
    level = os.environ.get("WSKLINT_LOG_LEVEL", "WARNING").upper()      # e.g. INFO, DEBUG: to stderr
    logging.basicConfig(level=level if level in logging._nameToLevel else logging.WARNING, format="wsklint server: %(levelname)s %(name)s: %(message)s")
    server.start_io()
