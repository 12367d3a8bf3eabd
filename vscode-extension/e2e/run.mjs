// End-to-end: the wsklint extension in a real VS Code (code-server) in a real browser (Debian chromium
// driven by playwright-core). Run by tests/test_vscode_e2e.py; prints one JSON line with the results.
//
//   node run.mjs --vsix X.vsix --workspace DIR --bad REL --big REL --bug-lines N,... --bug-text TEXT
//                --bad-line N --expect TEXT --big-expect TEXT,... --wsklint EXE --artifacts DIR
//                --marker FILE --port N --port2 N
//
// Exit codes: 0 done (the JSON says what was seen), 77 the browser or code-server cannot start here
// (the caller skips with the message), anything else a failure.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
}
const CHROMIUM = process.env.WSKLINT_E2E_CHROMIUM || "/usr/bin/chromium";
const CODE_SERVER = path.join(here, "node_modules", ".bin", "code-server");
const results = { problems: [], latencies_ms: [], screenshots: [], steps: [] };

function note(step) {
  results.steps.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${step}`);
}
const t0 = Date.now();

function cannotStart(why) {
  console.log(JSON.stringify({ skip: why, steps: results.steps }));
  process.exit(77);
}

let playwright;
try {
  playwright = await import("playwright-core");
} catch (e) {
  cannotStart(`playwright-core is not installed (npm ci in vscode-extension/e2e): ${e.message}`);
}
if (!fs.existsSync(CHROMIUM)) cannotStart(`no browser at ${CHROMIUM} (apt-get install chromium)`);
if (!fs.existsSync(CODE_SERVER)) cannotStart("code-server is not installed (npm ci in vscode-extension/e2e)");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wsklint-e2e-"));
const extensions = path.join(tmp, "extensions");
const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, "config"), XDG_DATA_HOME: path.join(tmp, "data") };
fs.writeFileSync(path.join(tmp, "config.yaml"), "auth: none\n");
fs.mkdirSync(args.artifacts, { recursive: true });
const BASE_SETTINGS = {
  "wsklint.path": [args.wsklint],      // user level: the only server allowed in an untrusted workspace
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "editor.minimap.enabled": false,
  "editor.autoIndent": "none",
  "editor.acceptSuggestionOnEnter": "off",
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false },
  "files.autoSave": "off",
  "window.restoreWindows": "none",
};

const install = spawnSync(CODE_SERVER, ["--config", path.join(tmp, "config.yaml"), "--user-data-dir",
  path.join(tmp, "install-user-data"), "--extensions-dir", extensions, "--install-extension", args.vsix, "--force"],
{ env, encoding: "utf8" });
note(`install-extension exit ${install.status}: ${(install.stdout + install.stderr).trim().split("\n").pop()}`);
if (install.status !== 0) {
  console.error(install.stdout, install.stderr);
  process.exit(1);
}

const sessions = [];
let browser;

// One code-server with its own profile: trusted (trust disabled, as the issue asks for the main
// test) or untrusted (trust enabled, the folder opened in restricted mode without a prompt).
async function startSession(name, trusted, port) {
  const userData = path.join(tmp, name);
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  const trust = trusted ? { "security.workspace.trust.enabled": false }
    : { "security.workspace.trust.enabled": true, "security.workspace.trust.startupPrompt": "never",
      "security.workspace.trust.untrustedFiles": "open", "security.workspace.trust.banner": "never" };
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify({ ...BASE_SETTINGS, ...trust }, null, 2));
  const flags = ["--config", path.join(tmp, "config.yaml"), "--user-data-dir", userData, "--extensions-dir", extensions,
    "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check",
    "--disable-getting-started-override", "--ignore-last-opened", ...(trusted ? ["--disable-workspace-trust"] : []),
    args.workspace];
  const server = spawn(CODE_SERVER, flags, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const session = { name, server, log: "" };
  sessions.push(session);
  server.stdout.on("data", (d) => { session.log += d; });
  server.stderr.on("data", (d) => { session.log += d; });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (server.exitCode !== null || i > 120) throw new Error(`code-server did not come up:\n${session.log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  note(`${name}: code-server up`);
  if (!browser) {
    try {
      browser = await playwright.chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
      });
    } catch (e) {
      await cleanup();
      cannotStart(`chromium cannot start here: ${e.message.split("\n")[0]}`);
    }
  }
  session.page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  await session.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(args.workspace)}`);
  await session.page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  note(`${name}: workbench loaded`);
  return session;
}

async function stopSession(session) {
  try { await session.page?.close(); } catch { /* already gone */ }
  try { process.kill(-session.server.pid, "SIGTERM"); } catch { /* already gone */ }
  fs.writeFileSync(path.join(args.artifacts, `code-server-${session.name}.log`), session.log);
}

async function cleanup() {
  for (const s of sessions) await stopSession(s);
  try { if (browser) await browser.close(); } catch { /* already gone */ }
  fs.rmSync(tmp, { recursive: true, force: true });
}

async function openFile(page, rel) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(rel);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(rel)}"]`);
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.tab.active[aria-label*="${path.basename(rel)}"]`);
  await page.locator(".monaco-editor .view-lines").first().click();
}

async function goToLine(page, line) {
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").waitFor({ state: "visible" });
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Home");
}

async function problemsText(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll(".markers-panel .monaco-tl-row"))
    .map((r) => r.textContent || ""));
}

async function waitForProblem(page, text, timeout) {
  await page.waitForFunction((t) => Array.from(document.querySelectorAll(".markers-panel .monaco-tl-row"))
    .some((r) => (r.textContent || "").includes(t)), text, { timeout, polling: 10 });
}

async function waitForNoProblem(page, text, timeout) {
  await page.waitForFunction((t) => !Array.from(document.querySelectorAll(".markers-panel .monaco-tl-row"))
    .some((r) => (r.textContent || "").includes(t)), text, { timeout, polling: 10 });
}

try {
  const { page } = await startSession("trusted", true, args.port);

  // 1. a buggy driver file: the finding shows in the Problems panel, the squiggle in the editor
  await openFile(page, args.bad);
  await goToLine(page, args["bad-line"]);
  await page.keyboard.press("Control+Shift+M");
  await page.waitForSelector(".markers-panel", { timeout: 30000 });
  await waitForProblem(page, args.expect, 60000);
  note("finding shown in the Problems panel");
  results.problems = await problemsText(page);
  await page.locator(".monaco-editor .view-lines").first().click();
  await goToLine(page, args["bad-line"]);
  await page.waitForTimeout(500);       // let the squiggle render
  const shot = path.join(args.artifacts, "problems.png");
  await page.screenshot({ path: shot });
  results.screenshots.push(shot);

  // 2. the quick fix menu on that line: insert a suppression comment
  await page.keyboard.press("Control+.");
  const suppress = page.locator(".action-widget .monaco-list-row", { hasText: "Suppress WSK013" }).first();
  await suppress.waitFor({ state: "visible", timeout: 20000 });
  results.quickfixes = await page.evaluate(() => Array.from(document.querySelectorAll(".action-widget .monaco-list-row"))
    .map((r) => (r.textContent || "").trim()));
  const shot2 = path.join(args.artifacts, "quickfix.png");
  await page.screenshot({ path: shot2 });
  results.screenshots.push(shot2);
  // the menu's rows sit under a pointer guard: choose with the keyboard, as users do
  for (let i = 0; i < 5 && !(await suppress.evaluate((r) => r.classList.contains("focused"))); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (document.querySelector(".monaco-editor .view-lines")?.textContent || "")
    .replace(/\u00a0/g, " ").includes("// wsklint: ignore[WSK013] <reason>"), null, { timeout: 20000 });
  results.suppression_inserted = true;
  note("suppression comment inserted");
  await waitForNoProblem(page, args.expect, 30000);        // the unsaved comment already suppresses it
  results.suppressed_in_problems = true;
  note("finding suppressed");

  // 3. latency: type a bug into a ~3,000-line driver file
  await openFile(page, args.big);
  await page.waitForTimeout(5000);      // the first check of the file (parse from scratch) settles
  // each round types the bug into another completion routine, so every edit is new content (no
  // round is served from the model cache)
  const lines = args["bug-lines"].split(",");
  const expects = args["big-expect"].split(",");
  for (let round = 0; round < lines.length; round++) {
    await goToLine(page, lines[round]);
    // one edit that completes the bug (typed before the statement on that line), then the clock runs
    // until the Problems panel shows the finding
    const start = Date.now();
    await page.keyboard.insertText(`${args["bug-text"].trim()} `);
    await waitForProblem(page, expects[round], 30000);
    results.latencies_ms.push(Date.now() - start);
    if (round === 0) {
      const shot3 = path.join(args.artifacts, "typed-bug.png");
      await page.screenshot({ path: shot3 });
      results.screenshots.push(shot3);
    }
    await page.keyboard.press("Shift+Home");     // selects exactly what was inserted
    await page.keyboard.press("Delete");
    await waitForNoProblem(page, expects[round], 30000);
    await page.waitForTimeout(500);
  }
  note(`latencies ${results.latencies_ms.join(", ")} ms`);
  // the workspace names its own server (wsklint.path in .vscode/settings.json): a trusted workspace uses it
  results.trusted_ran_workspace_server = fs.existsSync(args.marker);
  await stopSession(sessions[0]);

  // 4. the same workspace, untrusted: its server setting must not run; the user's server still does
  fs.rmSync(args.marker, { force: true });
  const untrusted = await startSession("untrusted", false, args.port2);
  await openFile(untrusted.page, args.bad);
  await untrusted.page.keyboard.press("Control+Shift+M");
  await waitForProblem(untrusted.page, args.expect, 60000);
  note("untrusted: finding shown");
  const shot4 = path.join(args.artifacts, "untrusted.png");
  await untrusted.page.screenshot({ path: shot4 });
  results.screenshots.push(shot4);
  results.untrusted_problem_shown = true;
  results.untrusted_ran_workspace_server = fs.existsSync(args.marker);
  results.ok = true;
} catch (e) {
  results.error = String(e && e.stack || e);
  try {
    const pages = browser ? browser.contexts().flatMap((c) => c.pages()).filter((p) => !p.isClosed()) : [];
    if (pages.length) {
      const shot = path.join(args.artifacts, "failure.png");
      await pages[0].screenshot({ path: shot });
      results.screenshots.push(shot);
    }
  } catch { /* best effort */ }
}
await cleanup();
console.log(JSON.stringify(results));
process.exit(results.ok ? 0 : 1);
