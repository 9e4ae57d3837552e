// The workspace-scale benchmark (issue 10; README, "Many plans"): a generated workspace of 2,000 plans (about 400,000 lines)
// in scopes of 20 to 200 plans, each scope with a crmteam.config.yaml and a roster whose people its plans share.
// Measures, in one run (read the results as ratios):
//   - `crmteam lint` on the folder with one thread and with every core, and its own phase timings
//     (CRMTEAM_TIMING=1: the per-file work and the cross-plan pass);
//   - the language server: initial workspace diagnostics for every plan (workspace/diagnostic) against the lint;
//   - an edit in one plan of the largest scope: the plan's own diagnostics and the held workspace request answering
//     with its siblings' new findings, against analysing that plan alone;
//   - the server's CPU time over 60 s of idling with a workspace request held open (no polling).
//
//   node esbuild.mjs && node bench/workspace.mjs           writes the "Workspace scale" section of bench/RESULTS.md
//   node bench/workspace.mjs --quick                        400 plans, 10 s idle, no RESULTS.md
//   CRMTEAM_BENCH_PROFILE=<dir> node bench/workspace.mjs    also writes the server's CPU profile into <dir>

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePlan } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.argv.includes('--quick');
const dir = join(root, 'bench', 'out', 'workspace');
const SCOPES = QUICK ? [20, 50, 130, 200] : [20, 30, 50, 50, 80, 100, 120, 150, 200, 200, 200, 200, 200, 200, 200];
const IDLE_MS = QUICK ? 10_000 : 60_000;
const PLAN_LINES = 600;

const log = (line) => console.log(`[workspace bench] ${line}`);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- the workspace ----

/** A plan without its `people` block (its people are in the roster), and the people block as a roster. */
function split(text) {
  const lines = text.split('\n');
  const start = lines.indexOf('people:');
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end] === '')) end++;
  return { plan: [...lines.slice(0, start), ...lines.slice(end)].join('\n'), people: lines.slice(start, end).join('\n') };
}

function generateWorkspace() {
  rmSync(dir, { recursive: true, force: true });
  let plans = 0;
  let lines = 0;
  SCOPES.forEach((count, s) => {
    const scopeDir = join(dir, `scope-${String(s).padStart(2, '0')}`);
    mkdirSync(scopeDir, { recursive: true });
    // The roster: the people of one generated plan; every plan of the scope refers to the same ids (they are made
    // from the plan's size, not its seed), with its own roles, allocations and activities.
    const roster = split(generatePlan(PLAN_LINES, 1000 * (s + 1))).people;
    writeFileSync(join(scopeDir, 'people.yaml'), `crmteam-roster: 1\n${roster}\n`);
    writeFileSync(join(scopeDir, 'crmteam.config.yaml'), 'crmteam-config: 1\nroster: people.yaml\ncapacity: 100%\n');
    for (let i = 0; i < count; i++) {
      const { plan } = split(generatePlan(PLAN_LINES, 1000 * (s + 1) + i + 1));
      const text = plan.replace(/^( {2}name: Generated CRM rollout)/m, `$1 ${s}-${i}`);
      writeFileSync(join(scopeDir, `plan-${String(i).padStart(3, '0')}.crmteam.yaml`), text);
      plans++;
      lines += text.split('\n').length;
    }
  });
  return { plans, lines };
}

// ---- the CLI ----

function lint(args, env = {}) {
  const since = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', dir, '--format', 'json', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, env: { ...process.env, ...env }, encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`crmteam lint failed: ${r.stderr}`);
  return { wallMs: performance.now() - since, stderr: r.stderr };
}

function timings(stderr) {
  const m = /timing: (\d+) plans; per-file work ([\d.]+) ms on (\d+) threads?; cross-plan pass ([\d.]+) ms/.exec(stderr);
  return m ? { plans: Number(m[1]), perFileMs: Number(m[2]), threads: Number(m[3]), crossMs: Number(m[4]) } : undefined;
}

// ---- the language server ----

class Server {
  constructor() {
    const profile = process.env.CRMTEAM_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.CRMTEAM_BENCH_PROFILE] : [];
    this.child = spawn(process.execPath, [...profile, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize() {
    await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: {} },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  workspaceDiagnostics(previous = []) {
    return this.connection.sendRequest('workspace/diagnostic', { previousResultIds: previous.filter((r) => r.resultId).map((r) => ({ uri: r.uri, value: r.resultId })) });
  }

  /** User + system CPU time of the server process, in ms (Linux /proc). */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }

  /** Shuts the server down as a client does (shutdown, exit), so a CPU profile gets written; kills it after 10 s. */
  async dispose() {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    const killed = setTimeout(() => this.child.kill(), 10_000);
    await this.exited;
    clearTimeout(killed);
    this.connection.dispose();
  }
}

// ---- main ----

if (!existsSync(join(root, 'dist', 'server.js'))) {
  console.error('Build first: node esbuild.mjs');
  process.exit(2);
}
const load = os.loadavg();
const { plans, lines } = generateWorkspace();
log(`${plans} plans, ${lines} lines in ${SCOPES.length} scopes of ${Math.min(...SCOPES)}–${Math.max(...SCOPES)} plans`);

const runs = QUICK ? 1 : 3;
const one = [];
const all = [];
const timed = [];
for (let i = 0; i < runs; i++) {
  one.push(lint(['--jobs', '1']).wallMs);
  const r = lint([], { CRMTEAM_TIMING: '1' });
  all.push(r.wallMs);
  timed.push(timings(r.stderr));
}
const lintOne = median(one);
const lintAll = median(all);
const phase = timed.filter(Boolean).sort((a, b) => a.crossMs - b.crossMs)[Math.floor(timed.length / 2)];
const single = timings(lint(['--jobs', '1'], { CRMTEAM_TIMING: '1' }).stderr);
log(`lint: --jobs 1 ${ms(lintOne)} ms, every core (${os.availableParallelism()}) ${ms(lintAll)} ms; per-file work ${ms(phase.perFileMs)} ms, cross-plan pass ${ms(phase.crossMs)} ms`);

const server = new Server();
const t0 = performance.now();
await server.initialize();
const first = await server.workspaceDiagnostics();
const initialMs = performance.now() - t0;
const reported = first.items.filter((r) => r.uri.endsWith('.crmteam.yaml')).length;
log(`server: initial workspace diagnostics for ${reported} plans in ${ms(initialMs)} ms`);

// An edit in one plan of the largest scope: the plan's own pull, then the held workspace request for its siblings.
const largest = SCOPES.indexOf(Math.max(...SCOPES));
const planPath = join(dir, `scope-${String(largest).padStart(2, '0')}`, 'plan-000.crmteam.yaml');
const uri = pathToFileURL(planPath).href;
const text = readFileSync(planPath, 'utf8');
await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'crmteam-yaml', version: 1, text } });
await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
const edits = [];
const editsFrom = process.hrtime.bigint() / 1000n;
const alone = [];
let previous = first.items;
for (let v = 2; v < (QUICK ? 6 : 12); v++) {
  // Toggle the IT owner's allocation: the scope's over-allocated-across-plans findings change in every plan.
  const changed = v % 2 === 0 ? text.replace(/(itOwner:[^\n]*\n(?: {4}[^\n]*\n)*? {4}allocation: )\d+%/, '$110%') : text;
  let held = server.workspaceDiagnostics(previous);
  const since = performance.now();
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: changed }] });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const ownMs = performance.now() - since;
  // An edit that changes no sibling's report leaves the request held: give up on it after 60 s.
  const next = await Promise.race([held, new Promise((resolve) => setTimeout(() => resolve({ items: [] }), 60_000))]);
  edits.push({ ownMs, allMs: performance.now() - since, full: next.items.filter((r) => r.kind === 'full').length, bytes: JSON.stringify(next).length });
  const known = new Map(previous.map((r) => [r.uri, r]));
  for (const r of next.items) known.set(r.uri, r);
  previous = [...known.values()];
  held = undefined;
}
// With a profile: the edits' window on the monotonic clock (µs), which the profile's timestamps also use.
if (process.env.CRMTEAM_BENCH_PROFILE) log(`edits from ${editsFrom} to ${process.hrtime.bigint() / 1000n} µs`);
// The same plan alone (no configuration: no scope), for the per-plan cost.
const aloneUri = pathToFileURL(join(dir, 'alone.crmteam.yaml')).href;
for (let v = 1; v < (QUICK ? 5 : 11); v++) {
  const since = performance.now();
  if (v === 1) await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: aloneUri, languageId: 'crmteam-yaml', version: 1, text } });
  else await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: aloneUri, version: v }, contentChanges: [{ text: v % 2 ? text : `${text}\n` }] });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: aloneUri } });
  alone.push(performance.now() - since);
}
const editAll = median(edits.map((e) => e.allMs));
const editOwn = median(edits.map((e) => e.ownMs));
const aloneMs = median(alone);
const crossScopeMs = phase.crossMs * (Math.max(...SCOPES) / plans); // the pass over one scope, scaled from the CLI's total
log(`edit: own ${ms(editOwn)} ms, with every sibling's report ${ms(editAll)} ms (${median(edits.map((e) => e.full))} full reports, ${(median(edits.map((e) => e.bytes)) / 1e6).toFixed(1)} MB); the plan alone ${ms(aloneMs)} ms`);

// Idle: a workspace request held open for IDLE_MS; the server's CPU time meanwhile.
const idleHeld = server.workspaceDiagnostics(previous);
const cpuBefore = server.cpuMs();
const perSecond = [];
for (let t = 0, last = cpuBefore; t < IDLE_MS; t += 1000) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const now = server.cpuMs();
  perSecond.push(Math.round(now - last));
  last = now;
}
const idleCpu = server.cpuMs() - cpuBefore;
log(`idle CPU per second (ms): ${perSecond.join(' ')}`);
let answered = false;
// Disposing the connection rejects the request still held: that is the expected end, not an error.
void idleHeld.then(() => { answered = true; }, () => {});
log(`idle ${IDLE_MS / 1000} s: ${ms(idleCpu)} ms CPU; the held request ${answered ? 'was answered (unexpected)' : 'is still held'}`);
await server.dispose();

const section = `<!-- workspace:start (generated by \`node bench/workspace.mjs\`) -->
## Workspace scale

Generated by \`node bench/workspace.mjs\` on ${new Date().toISOString()}: ${plans} plans, ${lines.toLocaleString('en')} lines, in
${SCOPES.length} scopes of ${Math.min(...SCOPES)} to ${Math.max(...SCOPES)} plans, each with a \`crmteam.config.yaml\` and a roster that all its plans
refer to (every plan states allocations for the same IT owner, so \`over-allocated-across-plans\` fires in every plan).
${os.availableParallelism()} cores; load average ${load.map((l) => l.toFixed(2)).join(' / ')} at the start.

| measure | value | target | met |
| --- | ---: | --- | --- |
| \`crmteam lint\` on the folder, every core | ${ms(lintAll)} ms | | |
| \`crmteam lint\`, \`--jobs 1\` | ${ms(lintOne)} ms | | |
| speed-up with ${os.availableParallelism()} threads | ${(lintOne / lintAll).toFixed(2)}× | ≥ 1.7× | ${lintOne / lintAll >= 1.7 ? 'yes' : 'no'} |
| cross-plan pass / per-file work (lint, one thread) | ${ms(single.crossMs)} / ${ms(single.perFileMs)} ms = ${((100 * single.crossMs) / single.perFileMs).toFixed(1)}% | ≤ 10% | ${single.crossMs <= 0.1 * single.perFileMs ? 'yes' : 'no'} |
| server: initial workspace diagnostics, all plans | ${ms(initialMs)} ms = ${(initialMs / lintAll).toFixed(2)}× the lint | ≤ 1.2× | ${initialMs <= 1.2 * lintAll ? 'yes' : 'no'} |
| edit in one plan → its diagnostics and every sibling's report (${Math.max(...SCOPES)} plans) | ${ms(editAll)} ms | ≤ 2× alone + cross pass | ${editAll <= 2 * aloneMs + crossScopeMs ? 'yes' : 'no'} |
| that plan analysed alone (no scope) | ${ms(aloneMs)} ms | | |
| cross-plan pass of that scope (from the lint's total, pro rata) | ${ms(crossScopeMs)} ms | | |
| server CPU while idle for ${IDLE_MS / 1000} s, a workspace request held | ${ms(idleCpu)} ms | < 1,000 ms | ${idleCpu < 1000 ? 'yes' : 'no'} |
<!-- workspace:end -->
`;
console.log(section);
if (!QUICK) {
  const path = join(root, 'bench', 'RESULTS.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf('<!-- workspace:start');
  const end = current.indexOf('<!-- workspace:end -->');
  const next = start !== -1 && end !== -1
    ? `${current.slice(0, start)}${section}${current.slice(end + '<!-- workspace:end -->\n'.length)}`
    : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(path, next);
}
