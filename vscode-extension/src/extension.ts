// The wsklint extension: starts `wsklint server` (a Python language server) and shows its diagnostics.
//
// Which program is run: `wsklint.path`, else `wsklint.interpreter -m wsklint`, else a `wsklint` found on
// PATH. In an untrusted workspace the first two come from the user's settings only (they are
// restrictedConfigurations, and we read them that way ourselves too), and PATH entries inside the
// workspace are skipped, so opening a repository never runs a program the repository chose.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
} from "vscode-languageclient/node";

const SECTION = "wsklint";
const SERVER_SETTINGS = ["select", "ignore", "flags", "wdk", "config", "compileCommands"];
const LAUNCH_SETTINGS = ["path", "interpreter"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionPath = "";

interface Launch {
  command: string;
  args: string[];
  origin: string;
}

function launchSetting(key: string): string[] {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  let value: unknown;
  if (vscode.workspace.isTrusted) {
    value = cfg.get(key);
  } else {
    const seen = cfg.inspect(key);
    value = seen?.globalValue ?? seen?.defaultValue;
  }
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
}

function insideWorkspace(file: string): boolean {
  const abs = path.resolve(file);
  return (vscode.workspace.workspaceFolders ?? []).some((f) => {
    const rel = path.relative(f.uri.fsPath, abs);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  });
}

function findOnPath(name: string): string | undefined {
  const exts = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    // a relative PATH entry resolves against the workspace: never trust it
    if (!dir || !path.isAbsolute(dir) || (!vscode.workspace.isTrusted && insideWorkspace(dir))) {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext.toLowerCase());
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) {
          return candidate;
        }
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function resolveLaunch(): Launch | undefined {
  const exe = launchSetting("path");
  if (exe.length) {
    return { command: exe[0], args: [...exe.slice(1), "server"], origin: "wsklint.path" };
  }
  const python = launchSetting("interpreter");
  if (python.length) {
    return { command: python[0], args: [...python.slice(1), "-m", "wsklint", "server"], origin: "wsklint.interpreter" };
  }
  const found = findOnPath("wsklint");
  return found ? { command: found, args: ["server"], origin: "PATH" } : undefined;
}

function serverSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    out[key] = cfg.get(key);
  }
  return out;
}

async function start(): Promise<void> {
  const launch = resolveLaunch();
  const trust = vscode.workspace.isTrusted ? "trusted" : "untrusted (workspace wsklint.path/interpreter ignored)";
  if (!launch) {
    output.appendLine(`No wsklint server found (workspace ${trust}). Install it with \`pip install wsklint\`, ` +
      "or set wsklint.path or wsklint.interpreter.");
    void vscode.window.showErrorMessage(
      "wsklint: no server found. Install wsklint (pip install wsklint) or set wsklint.path / wsklint.interpreter.",
    );
    return;
  }
  output.appendLine(`Starting ${launch.command} ${launch.args.join(" ")} (from ${launch.origin}; workspace ${trust})`);
  const serverOptions: ServerOptions = {
    command: launch.command,
    args: launch.args,
    // Run from the extension's folder, never the workspace: `python -m` imports from its working
    // directory (PYTHONSAFEPATH stops that too, on Python 3.11+).
    options: { cwd: extensionPath, env: { ...process.env, PYTHONSAFEPATH: "1" } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "c" },
      { scheme: "file", language: "cpp" },
    ],
    initializationOptions: { settings: serverSettings() },
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  client = new LanguageClient(SECTION, "wsklint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    output.appendLine(`The wsklint server failed to start: ${err}`);
    void vscode.window.showErrorMessage(`wsklint: the server failed to start (${launch.command}). See the output.`);
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (err) {
      output.appendLine(`Stopping the server: ${err}`);
    }
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("wsklint");
  extensionPath = context.extensionPath;
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("wsklint.restart", restart),
    vscode.commands.registerCommand("wsklint.showOutput", () => output.show()),
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (LAUNCH_SETTINGS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
