// The web build against the Node build on the same plan: time from opening a plan to its diagnostics, and how long a
// hover waits when it is asked right after a change, for the web server (dist/browserServer.js in a web worker of
// headless Chromium, analysing on that one worker) and the Node server (dist/server.js over stdio, plans over
// 500,000 characters analysed in worker threads). Needs the e2e tooling (playwright-core, Chromium:
// `bash scripts/e2e-setup.sh`) and a build (`node esbuild.mjs`).
//
//   node bench/web.mjs                      1,000, 10,000 and 50,000 lines, 3 runs each (medians)
//   node bench/web.mjs --sizes=50000 --runs=5
//
// Results are in bench/RESULTS.md ("The web build"). Timings are medians on a shared machine.

import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePlan } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SIZES = arg('sizes', '1000,10000,50000').split(',').map(Number);
const RUNS = Number(arg('runs', '3'));
const cache = process.env.CRMTEAM_E2E_CACHE || join(os.homedir(), '.cache', 'crmteam-e2e');
const PLAYWRIGHT = join(cache, 'pw', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
for (const f of [join(root, 'dist', 'server.js'), join(root, 'dist', 'browserServer.js'), PLAYWRIGHT, CHROMIUM]) {
  if (!existsSync(f)) throw new Error(`missing ${f}: run \`node esbuild.mjs\` and \`bash scripts/e2e-setup.sh\``);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);
const CAPABILITIES = { workspace: { configuration: false }, textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } } };

/** The same LSP exchange on both sides: open, pull diagnostics (again when told the version is still being analysed),
 * then change one line and ask for a hover at once. Runs in the browser page (web) and here (Node) alike. */
const EXCHANGE = `async (send, text, uri) => {
  const t0 = performance.now();
  await send('initialize', { processId: null, rootUri: null, capabilities: CAPABILITIES });
  send('initialized', {}, true);
  const opened = performance.now();
  send('textDocument/didOpen', { textDocument: { uri, languageId: 'crmteam-yaml', version: 1, text } }, true);
  let report;
  for (;;) {
    try { report = await send('textDocument/diagnostic', { textDocument: { uri } }); break; }
    catch (e) { if (!(e && e.data && e.data.retriggerRequest)) throw e; }
  }
  const diagnosticsMs = performance.now() - opened;
  const line = text.slice(0, text.indexOf('\\n'));
  send('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } }, text: line + ' ' }] }, true);
  const asked = performance.now();
  const hover = await send('textDocument/hover', { textDocument: { uri }, position: { line: text.split('\\n').findIndex((l) => l.startsWith('  itOwner:')), character: 4 } });
  const hoverMs = performance.now() - asked;
  return { startMs: opened - t0, diagnosticsMs, items: report.items.length, hoverMs, hovered: !!hover };
}`;

async function nodeRun(text) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification(() => {});
  connection.onRequest(() => null);
  connection.listen();
  const send = (method, params, notification) => (notification ? connection.sendNotification(method, params) : connection.sendRequest(method, params));
  try {
    // eslint-disable-next-line no-new-func
    const exchange = new Function('CAPABILITIES', `return ${EXCHANGE}`)(CAPABILITIES);
    return await exchange(send, text, 'file:///bench/plan.crmteam.yaml');
  } finally {
    connection.dispose();
    child.kill();
  }
}

async function main() {
  // A page and the server bundle, from one origin.
  const http = createServer((req, res) => {
    if (req.url === '/browserServer.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      createReadStream(join(root, 'dist', 'browserServer.js')).pipe(res);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>bench</title>');
    }
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${http.address().port}`;
  const { chromium } = createRequire(import.meta.url)(PLAYWRIGHT);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`${base}/`);

  const webRun = (text) => page.evaluate(async ({ exchange, capabilities, text }) => {
    const worker = new Worker('/browserServer.js');
    let id = 0;
    const waiting = new Map();
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.id !== undefined && m.method === undefined) {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.error) w.reject(m.error); else w.resolve(m.result);
      } else if (m.id !== undefined) {
        worker.postMessage({ jsonrpc: '2.0', id: m.id, result: null }); // requests from the server
      }
    };
    const send = (method, params, notification) => {
      if (notification) { worker.postMessage({ jsonrpc: '2.0', method, params }); return undefined; }
      const mine = ++id;
      worker.postMessage({ jsonrpc: '2.0', id: mine, method, params });
      return new Promise((resolve, reject) => waiting.set(mine, { resolve, reject }));
    };
    try {
      // eslint-disable-next-line no-new-func
      return await new Function('CAPABILITIES', `return ${exchange}`)(capabilities)(send, text, 'file:///bench/plan.crmteam.yaml');
    } finally {
      worker.terminate();
    }
  }, { exchange: EXCHANGE, capabilities: CAPABILITIES, text });

  const rows = [];
  for (const lines of SIZES) {
    const text = generatePlan(lines);
    const results = { web: [], node: [] };
    for (let run = 0; run < RUNS; run++) {
      results.web.push(await webRun(text));
      results.node.push(await nodeRun(text));
    }
    const row = { lines, chars: text.length };
    for (const side of ['web', 'node']) {
      row[side] = {
        diagnosticsMs: median(results[side].map((r) => r.diagnosticsMs)),
        hoverMs: median(results[side].map((r) => r.hoverMs)),
        items: results[side][0].items,
      };
    }
    log(`${lines} lines: web ${row.web.diagnosticsMs.toFixed(0)} ms to diagnostics (hover after a change ${row.web.hoverMs.toFixed(0)} ms), `
      + `node ${row.node.diagnosticsMs.toFixed(0)} ms (hover ${row.node.hoverMs.toFixed(0)} ms)`);
    rows.push(row);
  }
  await browser.close();
  http.close();

  console.log(`Chromium ${browser.version()}, Node ${process.version}, ${os.cpus().length} cores; medians of ${RUNS} runs\n`);
  console.log('| plan | web: open → diagnostics | Node: open → diagnostics | web ÷ Node | web: hover right after a change | Node: hover right after a change |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.lines.toLocaleString('en')} lines (${(r.chars / 1e6).toFixed(2)} MB) | ${r.web.diagnosticsMs.toFixed(0)} ms | ${r.node.diagnosticsMs.toFixed(0)} ms | `
      + `${(r.web.diagnosticsMs / r.node.diagnosticsMs).toFixed(2)}× | ${r.web.hoverMs.toFixed(0)} ms | ${r.node.hoverMs.toFixed(0)} ms |`);
  }
}

await main();
